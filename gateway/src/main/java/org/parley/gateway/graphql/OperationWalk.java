package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.conditional.ConditionalNodes;
import graphql.introspection.Introspection;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;

/**
 * One depth-first walk of an operation, for {@link DocumentGuards}: the deepest field (a root field is at depth 1,
 * as graphql-java counts; {@code __typename} counts), the cost by {@link DocumentGuards#PAGE_SIZED} (a field's cost
 * needs its children's; {@code __typename} costs nothing) and the {@link ArgumentRules} violations in document order.
 * Fragments are expanded wherever they are spread and {@code @skip}/{@code @include} are decided on the request's
 * variables; every inline fragment counts, whatever its type condition.
 * <p>
 * This is what graphql-java's QueryTraverser gives a visitor, computed straight from the document: the traverser
 * also builds an environment per field on entering and again on leaving it, resolves every field's arguments twice
 * (the argument-less ones too) and visits each argument and input object field as a node of its own, ~7 % of a
 * small query's CPU. Here a field's arguments are resolved once, and only when its definition has any, by the same
 * ValuesResolver call the traverser makes. {@code OperationWalkTest} compares both on every example document.
 */
final class OperationWalk {

    private static final ConditionalNodes CONDITIONS = new ConditionalNodes();

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final CoercedVariables variables;

    int depth;
    int complexity;
    /** The result key of each field with violations, in document order. */
    final List<String> where = new ArrayList<>();
    final List<ArgumentRules.Violation> violations = new ArrayList<>();

    private OperationWalk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
    }

    /** Walks {@code operation} (already validated against {@code schema}) with the request's coerced variables. */
    static OperationWalk of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            CoercedVariables variables) {
        OperationWalk walk = new OperationWalk(schema, fragments, variables);
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        walk.complexity = walk.selections(operation.getSelectionSet(), root, 1);
        return walk;
    }

    /** The summed cost of the fields of a selection set whose fields are at {@code level}. */
    private int selections(SelectionSet selections, GraphQLCompositeType parent, int level) {
        long cost = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                cost += field(field, parent, level);
            } else if (selection instanceof InlineFragment inline) {
                if (included(inline)) {
                    GraphQLCompositeType type = inline.getTypeCondition() == null ? parent
                            : (GraphQLCompositeType) schema.getType(inline.getTypeCondition().getName());
                    cost += selections(inline.getSelectionSet(), type, level);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (included(spread) && fragment != null && included(fragment)) {
                    GraphQLCompositeType type = (GraphQLCompositeType) schema.getType(fragment.getTypeCondition().getName());
                    cost += selections(fragment.getSelectionSet(), type, level);
                }
            }
        }
        return saturated(cost);
    }

    /** One field: its depth and arguments on the way in, its cost (its children's known) on the way out. */
    private int field(Field field, GraphQLCompositeType parent, int level) {
        if (!included(field)) {
            return 0;
        }
        depth = Math.max(depth, level);
        GraphQLFieldDefinition definition = Introspection.getFieldDef(schema, parent, field.getName());
        boolean typeName = definition == schema.getIntrospectionTypenameFieldDefinition();
        Map<String, Object> arguments = definition.getArguments().isEmpty() ? Map.of()
                : ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(), field.getArguments(),
                        variables, GraphQLContext.getDefault(), Locale.getDefault());
        if (!typeName) {
            List<ArgumentRules.Violation> found = ArgumentRules.check(definition.getArguments(), arguments);
            if (!found.isEmpty()) {
                where.add(field.getResultKey());
                violations.addAll(found);
            }
        }
        int children = 0;
        GraphQLUnmodifiedType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (field.getSelectionSet() != null && type instanceof GraphQLCompositeType composite) {
            children = selections(field.getSelectionSet(), composite, level + 1);
        }
        if (typeName) {
            return 0;
        }
        GraphQLFieldsContainer container = parent instanceof GraphQLFieldsContainer fields ? fields : null;
        return DocumentGuards.PAGE_SIZED.calculate(
                new FieldComplexityEnvironment(field, definition, container, arguments, null), children);
    }

    private boolean included(DirectivesContainer<?> node) {
        return included(node, variables.toMap());
    }

    /**
     * Whether a field, inline fragment or fragment spread runs: its {@code @skip}/{@code @include} decided on the
     * request's (coerced) variables as graphql-java decides them; also {@link TotalCounts}' test.
     */
    static boolean included(DirectivesContainer<?> node, Map<String, Object> variables) {
        return !CONDITIONS.containsSkipOrIncludeDirective(node)
                || CONDITIONS.shouldInclude(node, variables, null, GraphQLContext.getDefault());
    }

    private static int saturated(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
