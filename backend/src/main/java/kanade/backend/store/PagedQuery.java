package kanade.backend.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The one way the stores list rows: optional filters become a WHERE clause with bound parameters (a null value
 * leaves its filter out), then ORDER BY, LIMIT/OFFSET, and the total that matched for {@code X-Total-Count}.
 */
final class PagedQuery {
    private final String table;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String orderBy = "";

    private PagedQuery(String table) {
        this.table = table;
    }

    /** A query over {@code table} with no filter yet. */
    static PagedQuery from(String table) {
        return new PagedQuery(table);
    }

    /** Adds {@code clause} (which names {@code :param}) bound to {@code value}, unless {@code value} is null. */
    PagedQuery where(String clause, String param, Object value) {
        if (value != null) {
            clauses.add("(" + clause + ")");
            params.put(param, value);
        }
        return this;
    }

    /**
     * Keeps rows where one of {@code expressions} contains {@code text}, case-insensitively, unless {@code text} is
     * null. The text is matched literally: '%', '_' and the escape character '\' in it match themselves (the escape
     * character is bound, not written in the SQL, so both databases and the SQL parser read it the same).
     */
    PagedQuery whereContains(String param, String text, String... expressions) {
        if (text != null) {
            List<String> likes = new ArrayList<>();
            for (String expression : expressions) {
                likes.add("lower(" + expression + ") like :" + param + " escape :" + param + "_escape");
            }
            clauses.add("(" + String.join(" or ", likes) + ")");
            String literal = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.put(param, "%" + literal + "%");
            params.put(param + "_escape", "\\");
        }
        return this;
    }

    /** Orders the rows; the order must be total (end with a key) so pages do not overlap. */
    PagedQuery orderBy(String order) {
        this.orderBy = " order by " + order;
        return this;
    }

    /** How many rows match the filters. */
    long count(Handle handle) {
        return bound(handle.createQuery("select count(*) from " + table + filter())).mapTo(Long.class).one();
    }

    /** One page of {@code columns} mapped to {@code type}, and the total that matched. */
    <T> Page<T> page(Handle handle, String columns, Class<T> type, int limit, int offset) {
        List<T> items = bound(handle.createQuery("select " + columns + " from " + table + filter() + orderBy
                + " limit :limit offset :offset")).bind("limit", limit).bind("offset", offset).mapTo(type).list();
        return new Page<>(items, count(handle));
    }

    private String filter() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private Query bound(Query query) {
        params.forEach(query::bind);
        return query;
    }
}
