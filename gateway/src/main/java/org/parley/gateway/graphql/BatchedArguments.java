package org.parley.gateway.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * A batched resolver ({@code @Source List<…>}) runs with the arguments of the first field in its batch,
 * and SmallRye's DataLoader for that field caches per parent object for the whole request. So
 * {@code recent: events(first: 3)} and {@code all: events(first: 50)} on the same actor — or on two
 * actors in one request — would both be answered with 3 events. Such documents are refused with a clear
 * message instead of being answered wrongly: within one operation, each batched field that takes
 * arguments (Actor.events, Actor.counterparts) must always be asked with the same arguments. Root fields
 * are not batched and are free.
 */
final class BatchedArguments {

    private static final Set<String> BATCHED_WITH_ARGUMENTS = Set.of("events", "counterparts");

    private BatchedArguments() {
    }

    /** A client-facing message when the document has such a conflict, else null. */
    static String conflict(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            Map<String, String> argumentsByName = new HashMap<>();
            Set<SelectionSet> visited = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Field root : fields(op.getSelectionSet(), fragments)) {
                String found = check(root.getSelectionSet(), fragments, argumentsByName, visited);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String check(SelectionSet set, Map<String, FragmentDefinition> fragments,
            Map<String, String> argumentsByName, Set<SelectionSet> visited) {
        if (set == null || !visited.add(set)) {
            return null; // also ends fragment cycles, which validation rejects afterwards
        }
        for (Field field : fields(set, fragments)) {
            if (BATCHED_WITH_ARGUMENTS.contains(field.getName())) {
                String arguments = field.getArguments().stream().map(AstPrinter::printAst).sorted().toList()
                        .toString();
                String earlier = argumentsByName.putIfAbsent(field.getName(), arguments);
                if (earlier != null && !earlier.equals(arguments)) {
                    return "Actor." + field.getName() + " is asked with different arguments in one request; "
                            + "it is batched per request and takes one set of arguments (use separate requests)";
                }
            }
            String found = check(field.getSelectionSet(), fragments, argumentsByName, visited);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The fields of a selection set with its fragments expanded. */
    private static List<Field> fields(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        List<Field> out = new ArrayList<>();
        collect(set, fragments, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, List<Field> out,
            Set<Object> seen) {
        if (set == null || !seen.add(set)) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                out.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, out, seen);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = fragments.get(spread.getName());
                if (definition != null) {
                    collect(definition.getSelectionSet(), fragments, out, seen);
                }
            }
        }
    }
}
