package org.parley.security;

/**
 * The roles both services check, from the token's {@code groups} claim. {@code editor}: the single writes the
 * gateway's mutations make; {@code importer}: the bulk import endpoints (resolve, batch, import progress);
 * {@code reader}: reads, only where {@code parley.security.reads-require-role=true}.
 */
public final class Roles {
    public static final String EDITOR = "editor";
    public static final String IMPORTER = "importer";
    public static final String READER = "reader";

    private Roles() {
    }
}
