/**
 * One keyed loader per backend resource: the only way the gateway's field resolvers reach a backend below
 * the root fields.
 *
 * <p>
 * The rule: a field that needs something from a backend asks its loader for one key (an id, or an id with
 * the field's normalised arguments) and returns; it never calls a client itself. Each loader is a
 * java-dataloader {@code DataLoader} registered (lazily, by {@link org.parley.gateway.loaders.KeyedLoader})
 * in the request's own {@code DataLoaderRegistry}, the one graphql-java dispatches once per nesting level.
 * So every key asked on one level — by any field, alias, fragment or argument set — reaches the loader's
 * batch function together and becomes <b>one backend call per resource per level</b>
 * ({@code participants.actor}, {@code sources.speaker}, {@code counterparts.actor} and dyad ends are all
 * {@link org.parley.gateway.loaders.ActorsById}; {@code location}, {@code subjects} and {@code parent} are all
 * {@link org.parley.gateway.loaders.PlacesById}). Keys that carry arguments are merged where the backend
 * allows it (one {@code limit} serves every page size, see {@link org.parley.gateway.loaders.ActorEvents}).
 *
 * <p>
 * Loaders return the backends' own records; mapping to the schema stays in the resolvers. A failed call
 * fails the first key of its batch (one error with that field's path) and nulls the others: one error per
 * failed backend call, not one per row. The loaders' per-request cache answers a key asked twice in one
 * request without a second call; nothing is kept between requests.
 */
package org.parley.gateway.loaders;
