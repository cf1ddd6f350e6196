package org.aybdb.interfaces.database.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A reading statement seen through the results grid: filtered, sorted and cut into pages by SQL
 * written around it ({@code SELECT ... FROM (<statement>) WHERE ... ORDER BY ... LIMIT ...}), so
 * the server holds only the page on screen. Each column is read through {@code typeof()} so that a
 * BLOB arrives as {@code <blob: N bytes>} instead of failing the query, and numbers are known.
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

  /** Reads no row: only the column names. */
  String columnsSql() {
    return "SELECT * FROM (" + source + "\n) LIMIT 0";
  }

  /**
   * The first {@link GridCell#HEX_BYTES} bytes of a BLOB in hexadecimal (NULL for any other value),
   * which the grid shows when the BLOB's cell is clicked.
   */
  private static String hexPreview(String column) {
    return "CASE typeof("
        + column
        + ") WHEN 'blob' THEN hex(substr("
        + column
        + ", 1, "
        + GridCell.HEX_BYTES
        + ")) END";
  }

  /** The rows of the page and one more (which tells whether a next page exists). */
  String pageSql(List<String> columns) {
    String cells =
        columns.stream()
            .map(SqlText::identifier)
            .map(c -> shown(c) + ", typeof(" + c + "), " + hexPreview(c))
            .collect(Collectors.joining(", "));
    return "SELECT "
        + (cells.isEmpty() ? "*" : cells)
        + " FROM ("
        + source
        + "\n)"
        + where()
        + orderBy()
        + " LIMIT "
        + (pageSize + 1)
        + " OFFSET "
        + (long) page * pageSize;
  }

  /** The whole filtered and sorted result as shown (BLOBs described), for downloads. */
  String allSql(List<String> columns) {
    String cells =
        columns.stream()
            .map(SqlText::identifier)
            .map(c -> shown(c) + " AS " + c)
            .collect(Collectors.joining(", "));
    return "SELECT "
        + (cells.isEmpty() ? "*" : cells)
        + " FROM ("
        + source
        + "\n)"
        + where()
        + orderBy();
  }

  String countSql() {
    return "SELECT count(*) FROM (" + source + "\n)" + where();
  }

  /** The SQL a person would write for this view: shown above the grid and editable. */
  public String getSql() {
    if (filters.isEmpty() && sortColumn == null) {
      return source;
    }
    return "SELECT * FROM (" + source + ")" + where() + orderBy();
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

  private String where() {
    return filters.isEmpty()
        ? ""
        : " WHERE " + filters.stream().map(GridFilter::sql).collect(Collectors.joining(" AND "));
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
