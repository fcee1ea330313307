//! Which side of its operation variant each type is on: reached from the request body only,
//! or from the response bodies only. Types reached from both, from neither, or from outside the
//! variant's scope (components, other operations) have no side.

use crate::ir::{TypeId, TypeKind, TypeRef, TypeSpace};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

impl Side {
    pub fn suffix(self) -> &'static str {
        match self {
            Side::Request => "Request",
            Side::Response => "Response",
        }
    }
}

pub fn of_every_type(space: &TypeSpace) -> Vec<Option<Side>> {
    let mut request = vec![false; space.types.len()];
    let mut response = vec![false; space.types.len()];
    for def in &space.types {
        let TypeKind::Request(r) = &def.kind else {
            continue;
        };
        let scope = def.hint.scope.as_str();
        if r.body.is_some() {
            if let Some(TypeRef::Named(body)) = r.fields.last().map(|f| &f.ty) {
                mark(space, *body, scope, &mut request);
            }
        }
        if let TypeKind::Response(cases) = &space.get(r.response).kind {
            for case in &cases.cases {
                if let crate::ir::ResponseBody::Json(ty) = &case.body {
                    ty.for_each_named(&mut |id| mark(space, id, scope, &mut response));
                }
            }
        }
    }
    request
        .iter()
        .zip(&response)
        .map(|(&req, &resp)| match (req, resp) {
            (true, false) => Some(Side::Request),
            (false, true) => Some(Side::Response),
            _ => None,
        })
        .collect()
}

/// Marks `root` and every type of `scope` reachable from it, iteratively.
fn mark(space: &TypeSpace, root: TypeId, scope: &str, seen: &mut [bool]) {
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let def = space.get(id);
        if seen[id.0] || def.hint.scope != scope {
            continue;
        }
        seen[id.0] = true;
        def.for_each_ref(|r| r.for_each_named(&mut |next| stack.push(next)));
    }
}
