package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;
import java.util.List;

/**
 * A {@code pageGroups} field: a table of groups and their pages.
 *
 * @param common  what every field view has
 * @param groups  the groups of the value, in order
 * @param keyName the member that names each group, the first column
 */
public record PageGroupsView(Common common, List<Group> groups, String keyName) implements FieldView {

    public PageGroupsView {
        groups = List.copyOf(groups);
    }

    /** One page group row: its key and its pages as typed ("1-3, 5"). */
    public record Group(String key, String pages) {}

    @Override
    public String type() {
        return FieldType.PAGE_GROUPS.jsonName();
    }
}
