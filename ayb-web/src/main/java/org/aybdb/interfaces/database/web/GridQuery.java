package org.aybdb.interfaces.database.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.aybdb.application.engine.BoundStatement;

/**
 * A reading statement seen through the results grid: filtered, sorted and cut into pages by SQL
 * written around it ({@code SELECT ... FROM (<statement>) WHERE ... ORDER BY ... LIMIT ...}), so
 * the server holds only the page on screen. Filter values are bound parameters, never SQL text; the
 * page is read as typed values (storage classes, BLOBs as bytes).
 */
public final class GridQuery implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<GridFilter> filters = new ArrayList<>();
  private String sortColumn;
  private boolean descending;
  private int page;
  private final int pageSize;

  GridQuery(String source, int pageSize) {
    this.source = Objects.requireNonNull(source, "source");
    this.pageSize = pageSize;
  }

  /**
   * The rows of the page and one more (which tells whether a next page exists), read as typed
   * values so that a BLOB arrives as its bytes and each value with its storage class.
   */
  BoundStatement pageStatement() {
    return bound(pageSql(true));
  }

  /**
   * The page's SQL; with {@code bound} false the filters' values are written in as literals, for
   * engines that take no bound parameters (DuckDB).
   */
  String pageSql(boolean bound) {
    return "SELECT * FROM ("
        + source
        + "\n)"
        + where(bound)
        + orderBy()
        + " LIMIT "
        + (pageSize + 1)
        + " OFFSET "
        + (long) page * pageSize;
  }

  /** The whole filtered and sorted result as shown (BLOBs described), for downloads. */
  BoundStatement allStatement(List<String> columns) {
    String cells =
        columns.stream()
            .map(SqlText::identifier)
            .map(c -> shown(c) + " AS " + c)
            .collect(Collectors.joining(", "));
    return bound(all(cells.isEmpty() ? "*" : cells, true));
  }

  /**
   * {@link #allStatement} for engines that take no bound parameters (DuckDB): the filters' values
   * written in, the columns as they are (the text the engine gives is what its grid shows).
   */
  String allSql() {
    return all("*", false);
  }

  private String all(String cells, boolean bound) {
    return "SELECT " + cells + " FROM (" + source + "\n)" + where(bound) + orderBy();
  }

  BoundStatement countStatement() {
    return bound(countSql(true));
  }

  /** The row count's SQL; {@code bound} as for {@link #pageSql(boolean)}. */
  String countSql(boolean bound) {
    return "SELECT count(*) FROM (" + source + "\n)" + where(bound);
  }

  private BoundStatement bound(String sql) {
    return new BoundStatement(sql, getValues(), java.util.Map.of());
  }

  /**
   * The SQL a person would write for this view, shown above the grid: each filter's value a {@code
   * ?} placeholder, bound to {@link #getValues()} in order.
   */
  public String getSql() {
    return sql(true);
  }

  /** {@link #getSql()} with the values written in as literals: what the editor gets to change. */
  public String getEditableSql() {
    return sql(false);
  }

  /** The values bound to {@link #getSql()}'s placeholders, in order. */
  public List<Object> getValues() {
    return filters.stream().flatMap(f -> f.values().stream()).toList();
  }

  /** {@link #getValues()} as SQL would write them, to show next to the placeholders. */
  public String getValuesText() {
    return getValues().stream().map(GridFilter::literal).collect(Collectors.joining(", "));
  }

  private String sql(boolean bound) {
    if (filters.isEmpty() && sortColumn == null) {
      return source;
    }
    return "SELECT * FROM (" + source + ")" + where(bound) + orderBy();
  }

  private static String shown(String column) {
    return "CASE typeof("
        + column
        + ") WHEN 'blob' THEN '<blob: ' || length("
        + column
        + ") || ' bytes>' ELSE "
        + column
        + " END";
  }

  private String where(boolean bound) {
    return filters.isEmpty()
        ? ""
        : " WHERE " + filters.stream().map(f -> f.sql(bound)).collect(Collectors.joining(" AND "));
  }

  private String orderBy() {
    return sortColumn == null
        ? ""
        : " ORDER BY " + SqlText.identifier(sortColumn) + (descending ? " DESC" : "");
  }

  /** Sorts by the column, ascending; a second click on the same column sorts descending. */
  void sort(String column) {
    descending = column.equals(sortColumn) && !descending;
    sortColumn = column;
    page = 0;
  }

  void sort(String column, boolean descending) {
    this.sortColumn = column;
    this.descending = descending;
  }

  void addFilter(GridFilter filter) {
    filters.add(Objects.requireNonNull(filter, "filter"));
    page = 0;
  }

  void removeFilter(int index) {
    if (index >= 0 && index < filters.size()) {
      filters.remove(index);
      page = 0;
    }
  }

  void page(int page) {
    this.page = Math.max(0, page);
  }

  public String getSource() {
    return source;
  }

  public List<GridFilter> getFilters() {
    return List.copyOf(filters);
  }

  public String getSortColumn() {
    return sortColumn;
  }

  public boolean isDescending() {
    return descending;
  }

  public int getPage() {
    return page;
  }

  public int getPageSize() {
    return pageSize;
  }
}
