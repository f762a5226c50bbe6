//! The Canonical ABI's view of a WIT type (`design/mvp/CanonicalABI.md`): its flat core types
//! (`flatten_type`), and its size and alignment in linear memory (`elem_size`, `alignment`),
//! over [`Wit`], a self-contained copy of the WIT type with every alias followed.

use wit_parser::{Handle, Resolve, Type, TypeDefKind};

/// The flat core types (wasm32: pointers and lengths are `i32`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flat {
    I32,
    I64,
    F32,
    F64,
}

impl Flat {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::I32 => "i32",
            Self::I64 => "i64",
            Self::F32 => "f32",
            Self::F64 => "f64",
        }
    }
}

/// At most this many flat parameters are passed as themselves; beyond, one pointer to them.
pub(crate) const MAX_FLAT_PARAMS: usize = 16;
/// At most this many flat results are returned as themselves; beyond, through a return area.
pub(crate) const MAX_FLAT_RESULTS: usize = 1;

/// A WIT type with its aliases followed, as the Canonical ABI sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Wit {
    Bool,
    U8,
    U16,
    U32,
    U64,
    S8,
    S16,
    S32,
    S64,
    F32,
    F64,
    Char,
    String,
    List(Box<Wit>),
    Tuple(Vec<Wit>),
    Record {
        name: String,
        fields: Vec<(String, Wit)>,
    },
    Variant {
        name: String,
        cases: Vec<(String, Option<Wit>)>,
    },
    Enum {
        name: String,
        cases: Vec<String>,
    },
    Flags {
        name: String,
        count: usize,
    },
    Option(Box<Wit>),
    Result(Option<Box<Wit>>, Option<Box<Wit>>),
    /// `own<R>` (also `[resource-drop]R`'s parameter).
    Own(String),
    /// `borrow<R>`.
    Borrow(String),
    /// A type this crate does not lower (future, stream, map, fixed-length list,
    /// error-context), by its WIT name.
    Unsupported(String),
}

impl Wit {
    /// Copies `ty` out of `resolve`.
    pub(crate) fn from_wit(resolve: &Resolve, ty: &Type) -> Self {
        match ty {
            Type::Bool => Self::Bool,
            Type::U8 => Self::U8,
            Type::U16 => Self::U16,
            Type::U32 => Self::U32,
            Type::U64 => Self::U64,
            Type::S8 => Self::S8,
            Type::S16 => Self::S16,
            Type::S32 => Self::S32,
            Type::S64 => Self::S64,
            Type::F32 => Self::F32,
            Type::F64 => Self::F64,
            Type::Char => Self::Char,
            Type::String => Self::String,
            Type::ErrorContext => Self::Unsupported("error-context".to_owned()),
            Type::Id(id) => {
                let def = &resolve.types[*id];
                let name = def.name.clone().unwrap_or_default();
                // A resource by its qualified name, `ns:pkg/iface@version#name`.
                let resource = |id: &wit_parser::TypeId| {
                    let mut id = *id;
                    while let TypeDefKind::Type(Type::Id(next)) = &resolve.types[id].kind {
                        id = *next;
                    }
                    let def = &resolve.types[id];
                    let owner = match def.owner {
                        wit_parser::TypeOwner::Interface(owner) => resolve.id_of(owner),
                        _ => None,
                    };
                    format!(
                        "{}#{}",
                        owner.unwrap_or_default(),
                        def.name.clone().unwrap_or_default()
                    )
                };
                match &def.kind {
                    TypeDefKind::Type(inner) => Self::from_wit(resolve, inner),
                    TypeDefKind::Resource => Self::Own(resource(id)),
                    TypeDefKind::Handle(Handle::Own(id)) => Self::Own(resource(id)),
                    TypeDefKind::Handle(Handle::Borrow(id)) => Self::Borrow(resource(id)),
                    TypeDefKind::List(elem) => Self::List(Box::new(Self::from_wit(resolve, elem))),
                    TypeDefKind::Tuple(tuple) => Self::Tuple(
                        tuple
                            .types
                            .iter()
                            .map(|t| Self::from_wit(resolve, t))
                            .collect(),
                    ),
                    TypeDefKind::Record(record) => Self::Record {
                        name,
                        fields: record
                            .fields
                            .iter()
                            .map(|f| (f.name.clone(), Self::from_wit(resolve, &f.ty)))
                            .collect(),
                    },
                    TypeDefKind::Variant(variant) => Self::Variant {
                        name,
                        cases: variant
                            .cases
                            .iter()
                            .map(|c| {
                                (
                                    c.name.clone(),
                                    c.ty.as_ref().map(|t| Self::from_wit(resolve, t)),
                                )
                            })
                            .collect(),
                    },
                    TypeDefKind::Enum(e) => Self::Enum {
                        name,
                        cases: e.cases.iter().map(|c| c.name.clone()).collect(),
                    },
                    TypeDefKind::Flags(flags) => Self::Flags {
                        name,
                        count: flags.flags.len(),
                    },
                    TypeDefKind::Option(inner) => {
                        Self::Option(Box::new(Self::from_wit(resolve, inner)))
                    }
                    TypeDefKind::Result(result) => Self::Result(
                        result
                            .ok
                            .as_ref()
                            .map(|t| Box::new(Self::from_wit(resolve, t))),
                        result
                            .err
                            .as_ref()
                            .map(|t| Box::new(Self::from_wit(resolve, t))),
                    ),
                    other => Self::Unsupported(other.as_str().to_owned()),
                }
            }
        }
    }

    /// The WIT spelling, for messages.
    pub(crate) fn display(&self) -> String {
        let opt = |t: &Option<Box<Wit>>| t.as_ref().map_or_else(|| "_".to_owned(), |t| t.display());
        match self {
            Self::Bool => "bool".into(),
            Self::U8 => "u8".into(),
            Self::U16 => "u16".into(),
            Self::U32 => "u32".into(),
            Self::U64 => "u64".into(),
            Self::S8 => "s8".into(),
            Self::S16 => "s16".into(),
            Self::S32 => "s32".into(),
            Self::S64 => "s64".into(),
            Self::F32 => "f32".into(),
            Self::F64 => "f64".into(),
            Self::Char => "char".into(),
            Self::String => "string".into(),
            Self::List(elem) => format!("list<{}>", elem.display()),
            Self::Tuple(elems) => format!(
                "tuple<{}>",
                elems
                    .iter()
                    .map(Self::display)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::Record { name, .. }
            | Self::Variant { name, .. }
            | Self::Enum { name, .. }
            | Self::Flags { name, .. } => name.clone(),
            Self::Option(inner) => format!("option<{}>", inner.display()),
            Self::Result(None, None) => "result".into(),
            Self::Result(ok, None) => format!("result<{}>", opt(ok)),
            Self::Result(ok, err) => format!("result<{}, {}>", opt(ok), opt(err)),
            Self::Own(name) => format!("own<{}>", resource_name(name)),
            Self::Borrow(name) => format!("borrow<{}>", resource_name(name)),
            Self::Unsupported(name) => name.clone(),
        }
    }

    /// The cases of a variant-like type (variant, enum, option, result), each with its payload.
    pub(crate) fn cases(&self) -> Option<Vec<Option<&Wit>>> {
        Some(match self {
            Self::Variant { cases, .. } => cases.iter().map(|(_, t)| t.as_ref()).collect(),
            Self::Enum { cases, .. } => cases.iter().map(|_| None).collect(),
            Self::Option(inner) => vec![None, Some(inner)],
            Self::Result(ok, err) => vec![ok.as_deref(), err.as_deref()],
            _ => return None,
        })
    }

    /// The fields of a record-like type (record, tuple).
    pub(crate) fn fields(&self) -> Option<Vec<&Wit>> {
        Some(match self {
            Self::Record { fields, .. } => fields.iter().map(|(_, t)| t).collect(),
            Self::Tuple(elems) => elems.iter().collect(),
            _ => return None,
        })
    }
}

/// The resource's own name, from `ns:pkg/iface@version#name`.
pub(crate) fn resource_name(qualified: &str) -> &str {
    qualified
        .rsplit_once('#')
        .map_or(qualified, |(_, name)| name)
}

/// `join(a, b)`: the one core type a variant's position takes when cases put `a` and `b` there.
pub(crate) fn join(a: Flat, b: Flat) -> Flat {
    match (a, b) {
        (a, b) if a == b => a,
        (Flat::I32, Flat::F32) | (Flat::F32, Flat::I32) => Flat::I32,
        _ => Flat::I64,
    }
}

/// The flat core types of `ty`, appended to `out`.
pub(crate) fn flatten(ty: &Wit, out: &mut Vec<Flat>) {
    match ty {
        Wit::Bool
        | Wit::U8
        | Wit::U16
        | Wit::U32
        | Wit::S8
        | Wit::S16
        | Wit::S32
        | Wit::Char
        | Wit::Enum { .. }
        | Wit::Own(_)
        | Wit::Borrow(_) => out.push(Flat::I32),
        Wit::U64 | Wit::S64 => out.push(Flat::I64),
        Wit::F32 => out.push(Flat::F32),
        Wit::F64 => out.push(Flat::F64),
        Wit::String | Wit::List(_) => out.extend([Flat::I32, Flat::I32]),
        Wit::Flags { count, .. } => out.extend((0..count.div_ceil(32)).map(|_| Flat::I32)),
        Wit::Tuple(_) | Wit::Record { .. } => {
            for field in ty.fields().unwrap_or_default() {
                flatten(field, out);
            }
        }
        Wit::Variant { .. } | Wit::Option(_) | Wit::Result(..) => {
            out.extend(flatten_variant(&ty.cases().unwrap_or_default()));
        }
        Wit::Unsupported(_) => {}
    }
}

/// A variant's flat types: the discriminant, then per position the join of every case's.
pub(crate) fn flatten_variant(cases: &[Option<&Wit>]) -> Vec<Flat> {
    let mut joined: Vec<Flat> = Vec::new();
    for payload in cases.iter().flatten() {
        let mut flat = Vec::new();
        flatten(payload, &mut flat);
        for (index, ty) in flat.into_iter().enumerate() {
            match joined.get_mut(index) {
                Some(have) => *have = join(*have, ty),
                None => joined.push(ty),
            }
        }
    }
    let mut out = vec![Flat::I32];
    out.extend(joined);
    out
}

/// The flat types of `ty` alone.
pub(crate) fn flat(ty: &Wit) -> Vec<Flat> {
    let mut out = Vec::new();
    flatten(ty, &mut out);
    out
}

pub(crate) fn align_to(offset: u32, align: u32) -> u32 {
    offset.div_ceil(align) * align
}

/// The size of a variant's discriminant for `cases` cases: 1, 2 or 4 bytes.
pub(crate) fn discriminant_size(cases: usize) -> u32 {
    match cases {
        0..=256 => 1,
        257..=65536 => 2,
        _ => 4,
    }
}

/// Alignment in linear memory.
pub(crate) fn alignment(ty: &Wit) -> u32 {
    match ty {
        Wit::Bool | Wit::U8 | Wit::S8 => 1,
        Wit::U16 | Wit::S16 => 2,
        Wit::U32 | Wit::S32 | Wit::F32 | Wit::Char | Wit::Own(_) | Wit::Borrow(_) => 4,
        Wit::U64 | Wit::S64 | Wit::F64 => 8,
        Wit::String | Wit::List(_) => 4,
        Wit::Tuple(_) | Wit::Record { .. } => ty
            .fields()
            .unwrap_or_default()
            .into_iter()
            .map(alignment)
            .max()
            .unwrap_or(1),
        Wit::Enum { cases, .. } => discriminant_size(cases.len()),
        Wit::Variant { .. } | Wit::Option(_) | Wit::Result(..) => {
            let cases = ty.cases().unwrap_or_default();
            discriminant_size(cases.len()).max(max_case_alignment(&cases))
        }
        Wit::Flags { count, .. } => flags_size(*count).min(4),
        Wit::Unsupported(_) => 1,
    }
}

fn max_case_alignment(cases: &[Option<&Wit>]) -> u32 {
    cases
        .iter()
        .flatten()
        .map(|t| alignment(t))
        .max()
        .unwrap_or(1)
}

fn flags_size(count: usize) -> u32 {
    match count {
        0 => 0,
        1..=8 => 1,
        9..=16 => 2,
        _ => 4 * u32::try_from(count.div_ceil(32)).unwrap_or(u32::MAX / 4),
    }
}

/// Size in linear memory (a multiple of the alignment).
pub(crate) fn size(ty: &Wit) -> u32 {
    match ty {
        Wit::Bool | Wit::U8 | Wit::S8 => 1,
        Wit::U16 | Wit::S16 => 2,
        Wit::U32 | Wit::S32 | Wit::F32 | Wit::Char | Wit::Own(_) | Wit::Borrow(_) => 4,
        Wit::U64 | Wit::S64 | Wit::F64 => 8,
        Wit::String | Wit::List(_) => 8,
        Wit::Tuple(_) | Wit::Record { .. } => {
            let fields = ty.fields().unwrap_or_default();
            let mut offset = 0;
            for field in &fields {
                offset = align_to(offset, alignment(field)) + size(field);
            }
            align_to(offset, alignment(ty))
        }
        Wit::Enum { cases, .. } => discriminant_size(cases.len()),
        Wit::Variant { .. } | Wit::Option(_) | Wit::Result(..) => {
            let cases = ty.cases().unwrap_or_default();
            let payload = payload_offset(&cases);
            let widest = cases.iter().flatten().map(|t| size(t)).max().unwrap_or(0);
            align_to(payload + widest, alignment(ty))
        }
        Wit::Flags { count, .. } => flags_size(*count),
        Wit::Unsupported(_) => 0,
    }
}

/// Where a variant's payload starts: after the discriminant, at the widest case alignment.
pub(crate) fn payload_offset(cases: &[Option<&Wit>]) -> u32 {
    align_to(discriminant_size(cases.len()), max_case_alignment(cases))
}

/// The offset of each field of a record-like type.
pub(crate) fn field_offsets(fields: &[&Wit]) -> Vec<u32> {
    let mut offset = 0;
    fields
        .iter()
        .map(|field| {
            let at = align_to(offset, alignment(field));
            offset = at + size(field);
            at
        })
        .collect()
}
