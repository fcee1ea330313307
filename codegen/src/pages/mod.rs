//! Pages: IR → one Markdown page per named type, in the format of the seed's model pages, so
//! that people can browse the models on GitHub or in a review without opening Rust.
//!
//! Each page is `docs/models/<module>/<Type>.md`: `# <Type>`, a blank line, the description
//! as the spec wrote it (when there is one, then a blank line), a blank line, and a section by
//! kind: `## Fields` for a struct, `## Values` for an enum, `## Variants` for a union, `## Type`
//! for an alias of a type with no page of its own (a list, a map, a primitive). An alias of a
//! named type shows what it stands for, with each nested type named as the alias's own
//! operation variant names it: the page of `…FormResponseBody` links `…FormAction`, though
//! both are aliases of the types of the plain variant. (The nested type of the alias's variant
//! is the one with the same part of its name that stands for the same type in the end.) `docs/models/README.md` lists the pages.

mod cells;
mod table;

pub use table::{padded_to, width as cell_width};

use crate::ir::{EnumValue, Module, ResponseBody, TypeDef, TypeId, TypeKind, TypeRef, TypeSpace};
use crate::OutputFile;
use cells::{description_cell, text_cell, type_cell};
use indexmap::IndexMap;
use table::table;

/// Where the pages go, relative to the crate root.
pub const DIR: &str = "docs/models";

/// Every page of the crate, then the index, written out at once (for tests; a run writes
/// them one at a time through [`Pages`]).
pub fn pages(space: &TypeSpace, spec_label: &str) -> Vec<OutputFile> {
    let pages = Pages::new(space.clone(), spec_label);
    (0..pages.len())
        .map(|i| OutputFile {
            path: pages.path(i).to_owned(),
            contents: pages.contents(i),
        })
        .collect()
}

/// The pages of a crate, each written when it is asked for. A long description widens every
/// cell of its table, so a large spec's pages weigh many times its Rust (47 MB against 3 MB
/// for the inline Authlete spec): a run compares or writes them one at a time rather than
/// holding them all. A request that its body is has the body's page (it is the body's impl).
pub struct Pages {
    space: TypeSpace,
    header: String,
    /// The types with a page, in the order of the space.
    ids: Vec<TypeId>,
    /// The path of each page, then the index's.
    paths: Vec<String>,
    stems: Vec<String>,
    /// (an operation variant's scope, a type's own part of its name, the type it stands for in
    /// the end) → the type of that scope with that part, standing for the same type.
    local: IndexMap<(String, String, TypeId), TypeId>,
}

impl Pages {
    pub fn new(space: TypeSpace, spec_label: &str) -> Pages {
        let stems: Vec<String> = space
            .types
            .iter()
            .map(|def| crate::naming::page_stem(&def.name))
            .collect();
        let mut local = IndexMap::new();
        for id in space.ids() {
            let def = space.get(id);
            let key = (
                def.hint.scope.clone(),
                def.hint.base.clone(),
                space.resolve_alias(id),
            );
            local.entry(key).or_insert(id);
        }
        let ids: Vec<TypeId> = space
            .ids()
            .filter(|&id| space.has_own_file(id) && !space.is_replaced(id))
            .collect();
        let mut paths: Vec<String> = ids
            .iter()
            .map(|&id| {
                let module = space.get(id).module.dir();
                format!("{DIR}/{module}/{}.md", stems[id.0])
            })
            .collect();
        paths.push(format!("{DIR}/README.md"));
        Pages {
            header: crate::render::html_header(spec_label),
            space,
            ids,
            paths,
            stems,
            local,
        }
    }

    /// How many files: a page per type with a file of its own, and the index.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    pub fn path(&self, i: usize) -> &str {
        &self.paths[i]
    }

    /// The text of file `i`, header included.
    pub fn contents(&self, i: usize) -> String {
        let mut contents = self.header.clone();
        match self.ids.get(i) {
            Some(&id) => contents.push_str(&self.page(id)),
            None => contents.push_str(&self.index()),
        }
        contents
    }

    /// The link from any page to the page of `id`: pages sit two folders below `docs/`.
    fn href(&self, id: TypeId) -> String {
        let def = self.space.get(id);
        format!("../../models/{}/{}.md", def.module.dir(), self.stems[id.0])
    }

    fn page(&self, id: TypeId) -> String {
        let def = self.space.get(id);
        let shown = self.space.resolve_alias(id);
        let content = self.space.get(shown);
        // An alias page names nested types as its own variant does, where it has them.
        let scope = (shown != id).then_some(&def.hint.scope);
        let link = |target: TypeId| {
            let base = &self.space.get(target).hint.base;
            let target = scope
                .and_then(|scope| {
                    let key = (
                        scope.clone(),
                        base.clone(),
                        self.space.resolve_alias(target),
                    );
                    self.local.get(&key).copied()
                })
                .unwrap_or(target);
            if let TypeKind::Alias(TypeRef::External(path)) = &self.space.get(target).kind {
                return (cells::external_cell(path), String::new());
            }
            (self.space.get(target).name.clone(), self.href(target))
        };
        let docs = def.docs.as_deref().or(content.docs.as_deref());
        let mut out = format!("# {}\n\n", def.name);
        if let Some(docs) = docs {
            out.push_str(docs.trim_end_matches(['\n', '\r']));
            out.push_str("\n\n");
        }
        out.push('\n');
        out.push_str(&section(content, &link));
        out
    }

    fn index(&self) -> String {
        let mut out =
            String::from("# Models\n\nOne page per type of the crate, in the order of the spec.\n");
        for (module, heading) in [
            (Module::Operations, "Operations"),
            (Module::Components, "Components"),
        ] {
            let ids: Vec<TypeId> = self
                .space
                .ids()
                .filter(|&id| {
                    let def = self.space.get(id);
                    def.module == module
                        && self.space.has_own_file(id)
                        && !self.space.is_replaced(id)
                })
                .collect();
            if ids.is_empty() {
                continue;
            }
            out.push_str(&format!("\n## {heading}\n\n"));
            for id in ids {
                let def = self.space.get(id);
                out.push_str(&format!(
                    "* [{}]({}/{}.md)\n",
                    def.name,
                    module.dir(),
                    self.stems[id.0]
                ));
            }
        }
        out
    }
}

/// The section of a page that shows what the type is.
fn section(def: &TypeDef, link: &dyn Fn(TypeId) -> (String, String)) -> String {
    match &def.kind {
        TypeKind::Struct(_) | TypeKind::Request(_) | TypeKind::Headers(_) => {
            let (heading, first, fields): (_, _, Vec<&crate::ir::Field>) = match &def.kind {
                TypeKind::Headers(fields) => ("Headers", "Header", fields.iter().collect()),
                TypeKind::Request(r) => ("Fields", "Field", r.fields().collect()),
                TypeKind::Struct(s) => ("Fields", "Field", s.fields.iter().collect()),
                _ => unreachable!("matched above"),
            };
            let rows: Vec<Vec<String>> = fields
                .iter()
                .map(|f| {
                    vec![
                        format!("`{}`", text_cell(&f.json_name)),
                        type_cell(&f.ty, !f.required, link),
                        if f.required {
                            ":heavy_check_mark:"
                        } else {
                            ":heavy_minus_sign:"
                        }
                        .to_owned(),
                        description_cell(f.docs.as_deref()),
                    ]
                })
                .collect();
            let mut out = format!("## {heading}\n\n");
            out.push_str(&table(&[first, "Type", "Required", "Description"], &rows));
            out
        }
        TypeKind::Enum(e) => {
            let mut rows: Vec<Vec<String>> = e
                .variants
                .iter()
                .map(|v| {
                    let value = match &v.value {
                        EnumValue::String(s) if s.is_empty() => "\"\"".to_owned(),
                        EnumValue::String(s) => text_cell(s),
                        EnumValue::Integer(n) => n.to_string(),
                    };
                    vec![format!("`{}`", v.rust_name), value]
                })
                .collect();
            rows.push(vec![
                format!("`{}`", e.other_name),
                "any other value, kept as it came".to_owned(),
            ]);
            let mut out = String::from("## Values\n\n");
            out.push_str(&table(&["Name", "Value"], &rows));
            out
        }
        TypeKind::Union(u) => {
            let tagged = u.discriminator.is_some() && u.variants.iter().any(|v| !v.tags.is_empty());
            let how = match &u.discriminator {
                Some(property) if tagged => format!(
                    "The value's `{}` property picks the variant; a value with another tag, or that no variant accepts, is kept as it came.",
                    text_cell(property)
                ),
                _ => "The value is read as the most specific variant that accepts it, the first listed among equals; a value that none accepts is kept as it came.".to_owned(),
            };
            let mut rows: Vec<Vec<String>> = u
                .variants
                .iter()
                .map(|v| {
                    let when = match &u.discriminator {
                        Some(property) if tagged && !v.tags.is_empty() => {
                            let tags: Vec<String> = v
                                .tags
                                .iter()
                                .map(|t| format!("`{}`", text_cell(t)))
                                .collect();
                            format!("`{}` is {}", text_cell(property), tags.join(" or "))
                        }
                        _ => "its shape".to_owned(),
                    };
                    vec![
                        format!("`{}`", v.rust_name),
                        type_cell(&v.ty, false, link),
                        when,
                    ]
                })
                .collect();
            rows.push(vec![
                format!("`{}`", u.other_name),
                type_cell(&TypeRef::Json, false, link),
                "none of the above".to_owned(),
            ]);
            let mut out = format!("## Variants\n\n{how}\n\n");
            out.push_str(&table(&["Variant", "Type", "Chosen by"], &rows));
            out
        }
        TypeKind::Alias(target) | TypeKind::Newtype(target) => {
            format!("## Type\n\n{}\n", type_cell(target, false, link))
        }
        TypeKind::FilePart => {
            let rows = [
                ["`fileName`", "*String*", ":heavy_check_mark:", "The name of the file, sent as the part's `filename`."],
                ["`contentType`", "*Option\\<String>*", ":heavy_minus_sign:", "The media type of the content (`application/octet-stream` where none is given)."],
                ["`content`", "*Vec\\<u8>*", ":heavy_check_mark:", "The bytes of the file."],
            ]
            .map(|row| row.map(str::to_owned).to_vec())
            .to_vec();
            let mut out = String::from("## Fields\n\n");
            out.push_str(&table(&["Field", "Type", "Required", "Description"], &rows));
            out
        }
        TypeKind::Tuple(t) => {
            let check = |required: bool| {
                if required {
                    ":heavy_check_mark:"
                } else {
                    ":heavy_minus_sign:"
                }
                .to_owned()
            };
            let mut rows: Vec<Vec<String>> = t
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let required = i < t.required;
                    vec![
                        i.to_string(),
                        type_cell(item, !required, link),
                        check(required),
                    ]
                })
                .collect();
            if let Some(rest) = &t.rest {
                rows.push(vec![
                    format!("{} and after", t.items.len()),
                    type_cell(rest, false, link),
                    check(false),
                ]);
            }
            let mut out =
                String::from("## Items\n\nAn array whose items are typed by their position.\n\n");
            out.push_str(&table(&["Position", "Type", "Required"], &rows));
            out
        }
        TypeKind::Response(r) => {
            let mut rows: Vec<Vec<String>> = r
                .cases
                .iter()
                .map(|case| {
                    let status = format!("`{}`", case.status.spec_text());
                    let body = match &case.body {
                        ResponseBody::Json(ty) => type_cell(ty, false, link),
                        ResponseBody::Content(ty) => {
                            format!("{}, or other content", type_cell(ty, false, link))
                        }
                        ResponseBody::Text => "*String*".to_owned(),
                        ResponseBody::Bytes | ResponseBody::Base64 => "*Vec\\<u8>*".to_owned(),
                        ResponseBody::Empty => "N/A".to_owned(),
                    };
                    vec![
                        status,
                        format!("`{}`", case.rust_name),
                        body,
                        description_cell(case.docs.as_deref()),
                    ]
                })
                .collect();
            rows.push(vec![
                "any other".to_owned(),
                format!("`{}`", r.other_name),
                "*Vec\\<u8>*".to_owned(),
                "An undocumented response, kept with its status and media type.".to_owned(),
            ]);
            let mut out = String::from("## Statuses\n\n");
            out.push_str(&table(&["Status", "Variant", "Body", "Description"], &rows));
            out
        }
    }
}

#[cfg(test)]
mod tests;
