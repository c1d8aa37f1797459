package org.parley.gateway.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * {@code GET /examples} opens the GraphQL UI with the saved example questions about the seed article
 * ({@code examples/article.graphql}): a redirect to {@code /q/graphql-ui/?query=…}, which GraphiQL's page
 * reads into its editor. The route exists only where the UI is enabled (dev mode, tests, a local run that
 * switches it on); a prod gateway with the UI off has no {@code /examples} either.
 */
@ApplicationScoped
public class ExamplesRoute {

    static final String DOCUMENT = "examples/article.graphql";

    private final boolean uiEnabled;
    private final String uiPath;

    public ExamplesRoute(@ConfigProperty(name = "quarkus.smallrye-graphql.ui.enabled", defaultValue = "true") boolean uiEnabled,
            @ConfigProperty(name = "quarkus.smallrye-graphql.ui.root-path", defaultValue = "graphql-ui") String uiRoot,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplicationRoot) {
        this.uiEnabled = uiEnabled;
        this.uiPath = uiRoot.startsWith("/") ? uiRoot : "/" + trimSlashes(nonApplicationRoot) + "/" + uiRoot;
    }

    void install(@Observes Router router) {
        if (!uiEnabled) {
            return;
        }
        String location = uiPath + "/?query=" + encode(read()) + "&operationName=MoscowTalks";
        router.get("/examples").handler(ctx -> ctx.response().setStatusCode(302)
                .putHeader("Location", location).end());
    }

    private static String read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not packaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UI decodes with decodeURIComponent, which leaves '+' as is: spaces must be %20. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
