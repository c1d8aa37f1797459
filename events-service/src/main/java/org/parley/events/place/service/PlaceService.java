package org.parley.events.place.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.place.Place;
import org.parley.events.place.repository.PlaceRepository;
import org.parley.events.place.rest.dto.PlaceInput;
import org.parley.common.problem.ApiException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlaceService {

    private final PlaceRepository places;

    public PlaceService(PlaceRepository places) {
        this.places = places;
    }

    @WithTransaction
    public Uni<Place> createPlace(PlaceInput input) {
        Place place = new Place();
        place.id = UUID.randomUUID();
        place.createdAt = now();
        return checkParent(place.id, input.parentId()).flatMap(ok -> {
            apply(place, input);
            return places.persist(place);
        });
    }

    /**
     * Empty when the place does not exist; 409 when {@code version} is stale; 400 when the new
     * parent lies under the place. The cycle check and the write are one transaction.
     */
    @WithTransaction
    public Uni<Place> updatePlace(UUID id, PlaceInput input, long version) {
        return places.findById(id).flatMap(place -> {
            if (place == null) {
                return Uni.createFrom().nullItem();
            }
            if (place.version != version) {
                throw ApiException.staleVersion("place " + id + " is at version " + place.version
                        + ", not " + version + "; reload and retry");
            }
            return checkParent(id, input.parentId()).map(ok -> {
                apply(place, input);
                return place;
            });
        });
    }

    /** False when it did not exist; 409 while events or child places still refer to it. */
    @WithTransaction
    public Uni<Boolean> deletePlace(UUID id) {
        return places.findById(id).flatMap(place -> {
            if (place == null) {
                return Uni.createFrom().item(false);
            }
            return places.isInUse(id).flatMap(used -> {
                if (used) {
                    throw ApiException.conflict("place " + id + " is still used by events or child places");
                }
                return places.delete(place).replaceWith(true);
            });
        });
    }

    private Uni<Boolean> checkParent(UUID id, UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().item(true);
        }
        // lock before reading the tree: the check and the write it guards see the same tree
        return places.lockPlaceTree().flatMap(locked -> places.findById(parentId)).flatMap(parent -> {
            if (parent == null) {
                throw ApiException.badRequest("parentId", "no place " + parentId);
            }
            return places.isAtOrUnder(parentId, id).map(cycle -> {
                if (cycle) {
                    throw ApiException.badRequest("parentId", "a place cannot lie under itself");
                }
                return true;
            });
        });
    }

    private static void apply(Place place, PlaceInput input) {
        place.name = input.name().trim();
        place.kind = input.kind();
        place.countryCode = input.countryCode();
        place.parentId = input.parentId();
        place.latitude = input.latitude();
        place.longitude = input.longitude();
        place.status = input.status();
        place.statusSince = input.statusSince();
        place.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

}
