package org.parley.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web app (module {@code web/}, a jar whose Vite build sits under {@code META-INF/resources}) at {@code /}.
 * Quarkus' static handler serves its files; this class adds what a single-page app needs on top:
 * <ul>
 * <li>index.html at {@code /}, and for a browser's GET of the app's client-side routes ({@code /events},
 * {@code /dyad}, {@code /actors/…}, {@code /map}, {@code /live}, {@code /record}), so a shared or reloaded
 * link opens the view it names. Only those paths, and only for a request that accepts text/html:
 * {@code /graphql}, {@code /q/…}, {@code /examples} and the assets are never answered with the page, and a
 * script asking for JSON at an app route gets the 404 it would get anyway.</li>
 * <li>{@code Cache-Control}: {@code no-cache} for index.html (it names the current assets, so a browser must
 * revalidate it; its ETag makes that a 304), {@code public, max-age=31536000, immutable} for the content-hashed
 * {@code /assets/*} (a new build has new names, so a cached file never goes stale).</li>
 * </ul>
 * Without the web jar on the class path (a gateway built alone) none of this is installed.
 */
@ApplicationScoped
public class WebAppRoute {

    private static final Logger LOG = Logger.getLogger(WebAppRoute.class);

    static final String INDEX = "META-INF/resources/index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** The page itself, whatever the request accepts. */
    static final List<String> PAGE_PATHS = List.of("/", "/index.html");
    /** The app's client-side routes (notes/web-contract.md): paths, or prefixes ending in '/'. */
    static final List<String> APP_ROUTES = List.of("/events", "/dyad", "/actors/", "/map", "/live", "/record");
    /** Before Quarkus' static handler, after its compression and CORS handling. */
    private static final int ORDER = 1000;

    void install(@Observes Router router) {
        byte[] index = read();
        if (index == null) {
            LOG.info("No web app on the class path (" + INDEX + "): / is not served");
            return;
        }
        Buffer page = Buffer.buffer(index);
        String etag = EntityTags.of(index);
        router.route("/assets/*").order(ORDER).handler(WebAppRoute::immutableWhenFound);
        router.route().order(ORDER).handler(ctx -> {
            if (!isAppPage(ctx)) {
                ctx.next();
                return;
            }
            var response = ctx.response().putHeader("Cache-Control", REVALIDATE).putHeader("ETag", etag);
            if (EntityTags.matches(ctx.request().getHeader("If-None-Match"), etag)) {
                response.setStatusCode(304).end();
                return;
            }
            // Quarkus marks every response "Content-Encoding: identity" unless its media type is one to compress.
            response.headers().remove("Content-Encoding");
            response.putHeader("Content-Type", "text/html; charset=utf-8");
            if (ctx.request().method() == HttpMethod.HEAD) {
                response.putHeader("Content-Length", String.valueOf(page.length())).end();
            } else {
                response.end(page);
            }
        });
    }

    private static void immutableWhenFound(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ended -> {
            int status = ctx.response().getStatusCode();
            if (status == 200 || status == 206 || status == 304) {
                ctx.response().putHeader("Cache-Control", IMMUTABLE);
            }
        });
        ctx.next();
    }

    /** A GET or HEAD of the page, or a browser navigating to one of the app's routes (accepting HTML). */
    static boolean isAppPage(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = ctx.normalizedPath();
        if (PAGE_PATHS.contains(path)) {
            return true;
        }
        boolean appRoute = APP_ROUTES.stream().anyMatch(route -> route.endsWith("/")
                ? path.startsWith(route) && path.length() > route.length()
                : path.equals(route));
        return appRoute && acceptsHtml(ctx.request().getHeader("Accept"));
    }

    static boolean acceptsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        for (String entry : accept.split(",")) {
            String[] parts = entry.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                refused |= parameter.matches("q=0(\\.0*)?");
            }
            if (!refused && (type.equals("text/html") || type.equals("application/xhtml+xml"))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(INDEX)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
