package org.parley.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

/**
 * The one place a GraphQL document is parsed and validated, for every transport: {@link GraphQLHttpFilter} asks
 * it first (for the token limit, a GET's operation type and the GraphQL-over-HTTP status code), and graphql-java
 * then gets the same parsed, validated document through {@link DocumentGuards}' document provider instead of
 * parsing it again. Each distinct text is parsed once and validated once while it stays in the cache (the least
 * recently used of {@value #MAX_ENTRIES} texts leave first; a text longer than {@value #MAX_CACHED_LENGTH}
 * characters is parsed each time, so a few huge documents cannot hold much memory).
 * <p>
 * It replaces SmallRye's own QueryCache, which kept only valid documents, parsed and validated each new text
 * twice (once to answer, once more to fill the cache), and could not be shared with the HTTP layer.
 * Texts that do not parse are not kept: they fail fast, and keeping them would let junk evict real documents.
 */
@ApplicationScoped
public class ParsedDocuments {

    static final int MAX_ENTRIES = 2048;
    static final int MAX_CACHED_LENGTH = 64 * 1024;

    /** A parsed document and, once asked for, its validation errors against the schema (empty when valid). */
    public static final class Parsed {
        private final Document document;
        private volatile List<ValidationError> errors;
        /** Whether SmallRye's own QueryCache holds this (valid) document, see {@link #shareWithSmallRye}. */
        private volatile boolean inSmallRyeCache;

        Parsed(Document document) {
            this.document = document;
        }

        public Document document() {
            return document;
        }
    }

    private final Supplier<GraphQLSchema> schema;
    // Access order: a hit moves the text to the end, so the eldest entry is the least recently used one.
    private final Map<String, Parsed> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Inject
    public ParsedDocuments(Instance<GraphQLSchema> schema) {
        this(() -> schema.isResolvable() ? schema.get() : null);
    }

    /** With the schema to validate against (null: nothing is validated). */
    ParsedDocuments(Supplier<GraphQLSchema> schema) {
        this.schema = schema;
    }

    /**
     * The document of {@code text}, parsed with the operation parser options (the token limit), from the cache
     * when it is there. Throws graphql-java's {@link InvalidSyntaxException} (a {@code ParseCancelledException}
     * when a parser limit was hit) when it does not parse.
     */
    public Parsed parse(String text) {
        Parsed parsed;
        synchronized (cache) {
            parsed = cache.get(text);
        }
        if (parsed != null) {
            return parsed;
        }
        parsed = new Parsed(Parser.parse(ParserEnvironment.newParserEnvironment().document(text)
                .parserOptions(ParserOptions.getDefaultOperationParserOptions()).build()));
        if (text.length() <= MAX_CACHED_LENGTH) {
            synchronized (cache) {
                Parsed raced = cache.putIfAbsent(text, parsed);
                if (raced != null) {
                    return raced;
                }
            }
        }
        return parsed;
    }

    /** The validation errors of a parsed document against the schema, computed once per cached document. */
    public List<ValidationError> errors(Parsed parsed) {
        List<ValidationError> errors = parsed.errors;
        if (errors == null) {
            GraphQLSchema current = schema.get();
            errors = current == null ? List.of()
                    : List.copyOf(ParseAndValidate.validate(current, parsed.document, Locale.ENGLISH));
            parsed.errors = errors;
        }
        return errors;
    }

    /** The document of a text already parsed and still cached, else null (never parses). */
    Document cached(String text) {
        synchronized (cache) {
            Parsed parsed = cache.get(text);
            return parsed == null ? null : parsed.document;
        }
    }

    /** What graphql-java would have made of the input by parsing and validating it: the document or its errors. */
    PreparsedDocumentEntry entry(ExecutionInput input) {
        Parsed parsed;
        try {
            parsed = parse(input.getQuery());
        } catch (InvalidSyntaxException e) {
            return new PreparsedDocumentEntry(e.toInvalidSyntaxError());
        }
        List<ValidationError> errors = errors(parsed);
        if (!errors.isEmpty()) {
            return new PreparsedDocumentEntry(List.<GraphQLError> copyOf(errors));
        }
        PreparsedDocumentEntry entry = new PreparsedDocumentEntry(parsed.document);
        if (!parsed.inSmallRyeCache && input.getQuery().length() <= MAX_CACHED_LENGTH) {
            parsed.inSmallRyeCache = shareWithSmallRye(input, entry);
        }
        return entry;
    }

    /**
     * Puts a valid document into the SmallRye QueryCache of the request being executed, once per cached text.
     * <p>
     * Before graphql-java runs, SmallRye (SmallRyeContextManager.populateFromExecutionInput, for the operation
     * types of its context) looks the text up in its own QueryCache and, on a miss, parses it again: a second
     * parse per request, since this class replaced that cache as graphql-java's document provider and nothing
     * filled it any more. Its only way in is its validation hook: getDocumentAsync marks the text as being
     * computed, beginValidation takes that mark and its onCompleted (no errors) stores what the function gives,
     * here the document already parsed and validated (the function runs once more inside the store and finds
     * no mark left). Public SmallRye API only; false when no SmallRye request is current (unit tests, a document
     * checked outside an execution).
     */
    private static boolean shareWithSmallRye(ExecutionInput input, PreparsedDocumentEntry entry) {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        QueryCache smallRye = context == null ? null : context.getQueryCache();
        if (smallRye == null) {
            return false;
        }
        smallRye.getDocumentAsync(input, ignored -> {
            smallRye.beginValidation(null, null).onCompleted(List.of(), null);
            return entry;
        });
        return true;
    }
}
