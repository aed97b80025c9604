// tcrlab pages: post a form as JSON, swap in the result fragment, show errors next to their fields.
"use strict";

function clearErrors(form) {
  form.querySelectorAll(".field-error").forEach((e) => e.remove());
  form.querySelectorAll(".invalid").forEach((e) => e.classList.remove("invalid"));
  form.querySelector(".form-error").textContent = "";
}

function fieldFor(form, name) {
  // the input whose data-field is the error's field (also under the form's table: sigma -> joint.sigma),
  // else the nearest enclosing one (joint.solids[1] -> joint.solids)
  const kind = form.dataset.kind;
  if (name && kind && !name.startsWith(kind + ".")) {
    const own = form.querySelector(`[data-field="${CSS.escape(kind + "." + name)}"]`);
    if (own) return own;
  }
  let key = name || "";
  while (key) {
    const el = form.querySelector(`[data-field="${CSS.escape(key)}"]`);
    if (el) return el;
    const cut = Math.max(key.lastIndexOf("."), key.lastIndexOf("["));
    key = cut > 0 ? key.slice(0, cut) : "";
  }
  return null;
}

function showErrors(form, detail) {
  for (const d of detail) {
    const el = fieldFor(form, d.field || (d.loc || []).slice(1).join("."));
    const msg = document.createElement("div");
    msg.className = "field-error";
    msg.textContent = d.msg;
    if (el) {
      el.classList.add("invalid");
      (el.closest("label") || el).after(msg);
    } else {
      form.querySelector(".form-error").textContent = d.msg;
    }
  }
}

function offerDownload(id, text, type) {
  const a = document.getElementById(id);
  if (!a || text === undefined) return;
  if (a.href) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.hidden = false;
}

function collectTables(form) {
  // inputs named "table.key" -> {table: {key: value}}; empty values are left out
  const doc = {};
  form.querySelectorAll("[name]").forEach((el) => {
    if (el.closest("#layers")) return;
    const [table, key] = el.name.includes(".") ? el.name.split(".", 2) : [null, el.name];
    const value = el.value.trim();
    if (value === "") return;
    if (table === null) doc[key] = value;
    else (doc[table] = doc[table] || {})[key] = value;
  });
  return doc;
}

function layerRow(kinds, layer) {
  const li = document.createElement("li");
  li.className = "layer";
  li.dataset.extra = JSON.stringify(layer.extra || {});
  const kind = document.createElement("select");
  kind.className = "kind";
  for (const k of Object.keys(kinds)) kind.add(new Option(k, k, false, k === layer.kind));
  if (layer.kind && !(layer.kind in kinds)) {
    // a kind the editor does not edit (spreader, parallel, kapitza …): kept whole from the loaded file
    kind.add(new Option(layer.kind, layer.kind, false, true));
  }
  const name = document.createElement("input");
  name.className = "lname";
  name.placeholder = "name";
  name.value = layer.name || "";
  const fields = document.createElement("span");
  fields.className = "fields";
  const draw = () => {
    fields.innerHTML = "";
    for (const f of kinds[kind.value] || []) {
      const label = document.createElement("label");
      label.textContent = f.replace("_", " ") + " ";
      const input = document.createElement("input");
      input.dataset.key = f;
      input.size = 12;
      const v = layer[f];
      input.value = v === undefined ? "" : Array.isArray(v) ? v.join(",") : String(v);
      if (f === "material") input.setAttribute("list", "materials");
      label.append(input);
      fields.append(label);
    }
  };
  kind.addEventListener("change", () => { layer = { name: name.value }; draw(); renumber(); });
  const buttons = document.createElement("span");
  buttons.className = "row-buttons";
  for (const [text, act] of [["↑", "up"], ["↓", "down"], ["✕", "remove"]]) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.className = act;
    b.title = act;
    b.addEventListener("click", () => {
      if (act === "remove") li.remove();
      if (act === "up" && li.previousElementSibling) li.previousElementSibling.before(li);
      if (act === "down" && li.nextElementSibling) li.nextElementSibling.after(li);
      renumber();
    });
    buttons.append(b);
  }
  const kindLabel = document.createElement("label");
  kindLabel.append(kind);
  const nameLabel = document.createElement("label");
  nameLabel.append(name);
  li.append(kindLabel, nameLabel, fields, buttons);
  draw();
  return li;
}

function renumber() {
  document.querySelectorAll("#layers > li").forEach((li, i) => {
    const n = i + 1;
    li.querySelector(".kind").dataset.field = `layer[${n}].kind`;
    li.querySelector(".lname").dataset.field = `layer[${n}].name`;
    li.querySelectorAll("[data-key]").forEach((el) => { el.dataset.field = `layer[${n}].${el.dataset.key}`; });
    li.dataset.field = `layer[${n}]`;
  });
}

function collectStack(form) {
  const doc = collectTables(form);
  doc.layer = [...document.querySelectorAll("#layers > li")].map((li) => {
    const layer = Object.assign({}, JSON.parse(li.dataset.extra || "{}"));
    layer.kind = li.querySelector(".kind").value;
    const name = li.querySelector(".lname").value.trim();
    if (name) layer.name = name;
    li.querySelectorAll("[data-key]").forEach((el) => {
      const v = el.value.trim();
      if (v !== "") layer[el.dataset.key] = v;
    });
    return layer;
  });
  return doc;
}

function loadStack(form, kinds, doc) {
  const set = (name, value) => { const el = form.querySelector(`[name="${name}"]`); if (el) el.value = value === undefined ? "" : value; };
  for (const table of ["case", "boundary", "solver"]) {
    form.querySelectorAll(`[name^="${table}."]`).forEach((el) => set(el.name, (doc[table] || {})[el.name.split(".")[1]]));
  }
  const list = document.getElementById("layers");
  list.innerHTML = "";
  for (const layer of doc.layer || []) {
    const shown = new Set(["kind", "name", ...(kinds[layer.kind] || [])]);
    const extra = {};
    for (const [k, v] of Object.entries(layer)) if (!shown.has(k)) extra[k] = v;
    list.append(layerRow(kinds, Object.assign({}, layer, { extra })));
  }
  renumber();
}

async function submit(form) {
  clearErrors(form);
  const kind = form.dataset.kind;
  let payload;
  if (kind === "stack") payload = collectStack(form);
  else {
    payload = collectTables(form);
    if (kind === "joint") {
      const s1 = form.querySelector('[name="solid1"]').value.trim();
      const s2 = form.querySelector('[name="solid2"]').value.trim();
      delete payload.solid1; delete payload.solid2;
      payload.joint = Object.assign({ solids: [s1, s2] }, payload.joint || {});
    }
    if (kind === "spreading") {
      payload.plate_layer = [];
      for (const key of Object.keys(payload).filter((k) => /^pl\d+$/.test(k)).sort()) {
        payload.plate_layer.push(payload[key]);
        delete payload[key];
      }
    }
  }
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const response = await fetch(form.dataset.url, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload),
    });
    const data = await response.json();
    if (!response.ok) {
      showErrors(form, data.detail || [{ msg: `error ${response.status}` }]);
      return;
    }
    document.getElementById("result").innerHTML = data.html;
    offerDownload("dl-csv", data.csv, "text/csv");
    offerDownload("dl-toml", data.toml, "application/toml");
  } catch (err) {
    form.querySelector(".form-error").textContent = `request failed: ${err}`;
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.calc").forEach((form) => {
    form.addEventListener("submit", (ev) => { ev.preventDefault(); submit(form); });
  });
  const stack = document.getElementById("stack-form");
  if (stack) {
    const kinds = JSON.parse(stack.dataset.kinds);
    const load = async () => {
      const name = document.getElementById("example").value;
      const r = await fetch(`/api/examples/${encodeURIComponent(name)}`);
      if (r.ok) loadStack(stack, kinds, await r.json());
    };
    document.getElementById("load-example").addEventListener("click", load);
    document.getElementById("add-layer").addEventListener("click", () => {
      document.getElementById("layers").append(layerRow(kinds, { kind: "conduction" }));
      renumber();
    });
    load();
  }
});
