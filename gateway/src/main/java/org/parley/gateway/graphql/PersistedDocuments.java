package org.parley.gateway.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.config.GatewayConfig.TrustedDocuments.Mode;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The trusted documents: sha256 → document, from every classpath resource {@value #RESOURCE} (the web app's
 * build writes one into its jar) and every {@code *.json} of {@code parley.gateway.trusted-documents.dir}, in
 * graphql-codegen's persisted-documents format ({@code {"<sha256 hex>": "<document>"}}) or Apollo's persisted
 * query manifest. Loaded once at start; a key that is not the SHA-256 of its document, a document that does not
 * parse, exceeds the token limit or does not fit the schema stops the start with a message naming the manifest
 * and the hash: a manifest is a build product, and one that cannot run is a broken build, not something to find
 * out about from a user's request.
 * <p>
 * In open mode, documents sent by automatic persisted queries (hash + text) are remembered too, in a bounded
 * LRU: they are not trusted, only saved bandwidth.
 */
@ApplicationScoped
public class PersistedDocuments {

    public static final String RESOURCE = "META-INF/parley/persisted-documents.json";
    /** What urql's persisted exchange and Apollo's persisted-query link look for to resend the full document. */
    public static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";
    public static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** Trusted-only mode, a document outside the manifests (Apollo Router's code for the same refusal). */
    public static final String PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";
    /** Hash and document sent together, and the hash is not the document's SHA-256. */
    public static final String PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";

    private static final Logger LOG = Logger.getLogger(PersistedDocuments.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

    /** A trusted document, parsed and validated once at start. */
    public record Stored(String hash, String text, Document document, String source) {
    }

    private final Mode mode;
    private final Optional<String> dir;
    private final Instance<GraphQLSchema> schema;
    private final Map<String, String> registered;
    private volatile Map<String, Stored> byHash = Map.of();
    private volatile Map<String, Stored> byText = Map.of();

    public PersistedDocuments(GatewayConfig config, Instance<GraphQLSchema> schema) {
        this.mode = config.trustedDocuments().mode();
        this.dir = config.trustedDocuments().dir();
        this.schema = schema;
        int capacity = Math.max(0, config.trustedDocuments().apqCacheSize());
        this.registered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        });
    }

    /** After GraphQLHttpFilter has set the token limit, so a stored document is held to it as well. */
    void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent startup) {
        Map<String, Source> documents = new LinkedHashMap<>();
        try {
            Enumeration<URL> resources = Thread.currentThread().getContextClassLoader().getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                try (InputStream in = url.openStream()) {
                    add(documents, read(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString()));
                }
            }
            if (dir.isPresent()) {
                for (Path file : manifestsIn(Path.of(dir.get()))) {
                    add(documents, read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the trusted documents: " + e.getMessage(), e);
        }
        List<Stored> stored = verify(documents, schema.isResolvable() ? schema.get() : null);
        Map<String, Stored> hashes = new LinkedHashMap<>();
        Map<String, Stored> texts = new LinkedHashMap<>();
        stored.forEach(s -> {
            hashes.put(s.hash(), s);
            texts.put(s.text(), s);
        });
        byHash = Map.copyOf(hashes);
        byText = Map.copyOf(texts);
        LOG.infof("%d trusted documents loaded (mode %s)", stored.size(),
                mode == Mode.TRUSTED_ONLY ? "trusted-only" : "open");
    }

    public boolean trustedOnly() {
        return mode == Mode.TRUSTED_ONLY;
    }

    /** The trusted document with this hash (lower-case hex). */
    public Optional<Stored> byHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    /** The trusted document with exactly this text (safelisting: the same bytes as in the manifest). */
    public Optional<Stored> byText(String text) {
        return Optional.ofNullable(byText.get(text));
    }

    public boolean isTrusted(String text) {
        return text != null && byText.containsKey(text);
    }

    /** A document an APQ client registered earlier (open mode only). */
    public Optional<String> registered(String hash) {
        return trustedOnly() ? Optional.empty() : Optional.ofNullable(registered.get(hash));
    }

    /** Remembers a document sent with its (verified) hash, so the next request may send the hash alone. */
    public void register(String hash, String text) {
        if (!trustedOnly()) {
            registered.put(hash, text);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A manifest entry before verification. */
    record Source(String hash, String text, String manifest) {
    }

    private static void add(Map<String, Source> documents, List<Source> more) {
        more.forEach(s -> documents.putIfAbsent(s.hash(), s));
    }

    private static List<Path> manifestsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("parley.gateway.trusted-documents.dir is " + dir
                    + ", which is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    /**
     * The entries of one manifest: graphql-codegen's {@code {"<sha256>": "<document>"}} or Apollo's
     * {@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{id, body, …}]}}.
     */
    static List<Source> read(String json, String manifest) {
        JsonObject object;
        try {
            object = new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            throw invalid(manifest, "is not a JSON object");
        }
        List<Source> sources = new ArrayList<>();
        if (APOLLO_FORMAT.equals(object.getValue("format"))) {
            if (!Integer.valueOf(1).equals(object.getValue("version"))) {
                throw invalid(manifest, "is an Apollo persisted query manifest of a version other than 1");
            }
            if (!(object.getValue("operations") instanceof JsonArray operations)) {
                throw invalid(manifest, "has no operations array");
            }
            for (Object entry : operations) {
                if (!(entry instanceof JsonObject operation) || !(operation.getValue("id") instanceof String id)
                        || !(operation.getValue("body") instanceof String body)) {
                    throw invalid(manifest, "has an operation without a string id and body");
                }
                sources.add(new Source(id, body, manifest));
            }
            return sources;
        }
        for (Map.Entry<String, Object> entry : object) {
            if (!(entry.getValue() instanceof String text)) {
                throw invalid(manifest, "maps " + entry.getKey() + " to something other than a document string");
            }
            sources.add(new Source(entry.getKey(), text, manifest));
        }
        return sources;
    }

    /**
     * Every entry's key must be the SHA-256 of its document, which must parse (within the token limit) and, when
     * a schema is given, fit it. All problems are reported at once.
     */
    static List<Stored> verify(Map<String, Source> documents, GraphQLSchema schema) {
        List<String> problems = new ArrayList<>();
        List<Stored> stored = new ArrayList<>();
        for (Source source : documents.values()) {
            String where = source.manifest() + ", " + source.hash() + ": ";
            String actual = sha256(source.text());
            if (!SHA256_HEX.matcher(source.hash()).matches()) {
                problems.add(where + "the key is not a lower-case SHA-256 hex digest (the document's is " + actual
                        + ")");
                continue;
            }
            if (!actual.equals(source.hash())) {
                problems.add(where + "the key is not the SHA-256 of the document (that is " + actual + ")");
                continue;
            }
            Document document;
            try {
                document = Parser.parse(ParserEnvironment.newParserEnvironment().document(source.text())
                        .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build());
            } catch (ParseCancelledException e) {
                problems.add(where + "the document is over the token limit");
                continue;
            } catch (InvalidSyntaxException e) {
                problems.add(where + "the document does not parse: " + e.getMessage());
                continue;
            }
            if (document.getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
                problems.add(where + "the document has no operation");
                continue;
            }
            if (schema != null) {
                List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
                if (!errors.isEmpty()) {
                    problems.add(where + "the document does not fit the schema: " + errors.get(0).getMessage());
                    continue;
                }
            }
            stored.add(new Stored(source.hash(), source.text(), document, source.manifest()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + problems.size() + " trusted document(s) cannot "
                    + "be served:\n  " + String.join("\n  ", problems));
        }
        return stored;
    }

    private static IllegalStateException invalid(String manifest, String problem) {
        return new IllegalStateException("Refusing to start: the trusted documents manifest " + manifest + " "
                + problem);
    }
}
