// Sorting and filtering of the report's tables; the data is the table itself.
"use strict";
function sortTable(header) {
  const table = header.closest("table");
  const column = Array.from(header.parentNode.children).indexOf(header);
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  table.querySelectorAll("th").forEach((th) => th.removeAttribute("aria-sort"));
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const numeric = header.dataset.type === "number";
  const key = (row) => {
    const cell = row.children[column];
    const text = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    return numeric ? (text === "" ? Infinity : Number(text)) : text;
  };
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    const order = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN", { numeric: true });
    return ascending ? order : -order;
  });
  rows.forEach((row) => body.appendChild(row));
}

function applyFilters(box) {
  const table = document.getElementById(box.dataset.table);
  const selects = Array.from(box.querySelectorAll("select"));
  let shown = 0;
  Array.from(table.tBodies[0].rows).forEach((row) => {
    const keep = selects.every((select) => select.value === "" || row.dataset[select.name] === select.value);
    row.hidden = !keep;
    shown += keep ? 1 : 0;
  });
  box.querySelector("output").textContent = String(shown);
}

function toggleSingles(box) {
  document.querySelectorAll("#matrix tbody tr.single").forEach((row) => { row.hidden = box.checked; });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("th.sortable").forEach((th) => th.addEventListener("click", () => sortTable(th)));
  document.querySelectorAll(".filters[data-table]").forEach((box) => {
    box.querySelectorAll("select").forEach((select) => select.addEventListener("change", () => applyFilters(box)));
    applyFilters(box);
  });
  const shared = document.getElementById("shared-only");
  if (shared) {
    shared.addEventListener("change", () => toggleSingles(shared));
    toggleSingles(shared);
  }
});
