//! Finds the WIT function an import names: the interface `ns:pkg/iface@version` (the version
//! on the WIT's semver track), then the function, including the resource forms
//! `[constructor]R`, `[method]R.name`, `[static]R.name` and `[resource-drop]R`. Every miss is
//! an error that says what the WIT has, with the nearest name when one is close.

use semver::Version;
use wit_parser::{Function, FunctionKind, InterfaceId, Param, Resolve, Type, TypeDefKind, TypeId};

use crate::wasm_function::nearest_name;

/// `ns:pkg/iface@version`, as written in the attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InterfaceName {
    pub(crate) namespace: String,
    pub(crate) package: String,
    pub(crate) interface: String,
    pub(crate) version: Option<Version>,
}

/// Whether a module string names a WIT interface rather than a core wasm module: it has a
/// `:` before a `/`, as `wasi:cli/stdout` does (no core module name of a preview1 program does).
pub(crate) fn is_interface_name(module: &str) -> bool {
    match (module.find(':'), module.find('/')) {
        (Some(colon), Some(slash)) => colon < slash,
        _ => false,
    }
}

impl InterfaceName {
    /// Parses `ns:pkg/iface` with an optional `@version`.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        const SHAPE: &str = "write the interface as `namespace:package/interface@version`, such as `wasi:cli/stdout@0.2.0`";
        let (path, version) = match text.split_once('@') {
            Some((path, version)) => {
                let version = Version::parse(version).map_err(|error| {
                    format!("`{version}` is not a semver version ({error}): {SHAPE}")
                })?;
                (path, Some(version))
            }
            None => (text, None),
        };
        let (package, interface) = path.split_once('/').ok_or_else(|| SHAPE.to_owned())?;
        let (namespace, package) = package.split_once(':').ok_or_else(|| SHAPE.to_owned())?;
        // Kebab-case: words of lowercase letters and digits (or all uppercase), each starting
        // with a letter.
        let valid = |part: &str| {
            part.split('-').all(|word| {
                word.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && (word
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                        || word
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            })
        };
        for part in [namespace, package, interface] {
            if !valid(part) {
                return Err(format!(
                    "`{part}` is not a WIT name (lowercase words joined by `-`): {SHAPE}"
                ));
            }
        }
        Ok(Self {
            namespace: namespace.to_owned(),
            package: package.to_owned(),
            interface: interface.to_owned(),
            version,
        })
    }

    /// `ns:pkg`.
    pub(crate) fn package_name(&self) -> String {
        format!("{}:{}", self.namespace, self.package)
    }
}

/// Whether `wanted` is on the semver track of `have`: equal majors when the major is not 0,
/// equal minors under major 0 when the minor is not 0, and equal versions otherwise (the rule
/// component linkers use to match an import against WIT).
pub(crate) fn same_track(wanted: &Version, have: &Version) -> bool {
    if !wanted.pre.is_empty() || !have.pre.is_empty() {
        return wanted == have;
    }
    match (wanted.major, have.major) {
        (0, 0) => match (wanted.minor, have.minor) {
            (0, 0) => wanted.patch == have.patch,
            (a, b) => a == b,
        },
        (a, b) => a == b,
    }
}

/// The function an import calls, as found in WIT.
pub(crate) struct Found {
    pub(crate) interface: InterfaceId,
    /// The WIT version of the package (what the section declares).
    pub(crate) function: Function,
}

/// Looks `name.function` up in `resolve`.
pub(crate) fn lookup(
    resolve: &Resolve,
    name: &InterfaceName,
    function: &str,
) -> Result<Found, String> {
    let candidates: Vec<_> = resolve
        .packages
        .iter()
        .filter(|(_, pkg)| pkg.name.namespace == name.namespace && pkg.name.name == name.package)
        .collect();
    if candidates.is_empty() {
        let names: Vec<String> = resolve
            .packages
            .iter()
            .map(|(_, pkg)| format!("{}:{}", pkg.name.namespace, pkg.name.name))
            .collect();
        let hint = nearest_name(&name.package_name(), names.iter().map(String::as_str))
            .map_or_else(String::new, |near| format!("; did you mean `{near}`?"));
        return Err(format!(
            "the WIT has no package `{}`{hint}",
            name.package_name()
        ));
    }
    let (_, package) = match &name.version {
        Some(wanted) => {
            let on_track = candidates.iter().find(|(_, pkg)| {
                pkg.name
                    .version
                    .as_ref()
                    .is_some_and(|have| same_track(wanted, have))
            });
            match on_track {
                Some(found) => *found,
                None => {
                    let have: Vec<String> = candidates
                        .iter()
                        .map(|(_, pkg)| {
                            pkg.name
                                .version
                                .as_ref()
                                .map_or_else(|| "no version".to_owned(), |v| format!("@{v}"))
                        })
                        .collect();
                    let example = candidates[0]
                        .1
                        .name
                        .version
                        .as_ref()
                        .map_or_else(String::new, |v| format!("@{}.{}.0", v.major, v.minor));
                    return Err(format!(
                        "version {wanted} is not on the semver track of the WIT's `{}` ({}): write `{}/{}{example}`",
                        name.package_name(),
                        have.join(", "),
                        name.package_name(),
                        name.interface
                    ));
                }
            }
        }
        None => {
            match candidates
                .iter()
                .find(|(_, pkg)| pkg.name.version.is_none())
            {
                Some(found) => *found,
                None => {
                    let version = candidates[0].1.name.version.as_ref();
                    let example =
                        version.map_or_else(String::new, |v| format!("@{}.{}.0", v.major, v.minor));
                    return Err(format!(
                        "the WIT's `{}` is versioned: write `{}/{}{example}`",
                        name.package_name(),
                        name.package_name(),
                        name.interface
                    ));
                }
            }
        }
    };
    let Some(&interface) = package.interfaces.get(&name.interface) else {
        let hint = nearest_name(
            &name.interface,
            package.interfaces.keys().map(String::as_str),
        )
        .map_or_else(
            || {
                let all: Vec<&str> = package.interfaces.keys().map(String::as_str).collect();
                format!("; it has {}", all.join(", "))
            },
            |near| format!("; did you mean `{near}`?"),
        );
        return Err(format!(
            "the WIT's package `{}` has no interface `{}`{hint}",
            name.package_name(),
            name.interface
        ));
    };
    let iface = &resolve.interfaces[interface];
    if let Some(found) = iface.functions.get(function) {
        return Ok(Found {
            interface,
            function: found.clone(),
        });
    }
    if let Some(resource) = function.strip_prefix("[resource-drop]") {
        if let Some(id) = resource_named(resolve, interface, resource) {
            return Ok(Found {
                interface,
                function: resource_drop(resource, id),
            });
        }
    }
    // Every callable name, the drops included, for the suggestion.
    let mut names: Vec<String> = iface.functions.keys().cloned().collect();
    names.extend(
        iface
            .types
            .iter()
            .filter(|(_, id)| matches!(resolve.types[**id].kind, TypeDefKind::Resource))
            .map(|(type_name, _)| format!("[resource-drop]{type_name}")),
    );
    let hint = nearest_name(function, names.iter().map(String::as_str))
        .map_or_else(String::new, |near| format!("; did you mean `{near}`?"));
    let forms = if function.starts_with('[') {
        " (resource functions are named `[constructor]R`, `[method]R.name`, `[static]R.name` and `[resource-drop]R`)"
    } else {
        ""
    };
    Err(format!(
        "the WIT interface `{}` has no function `{function}`{hint}{forms}",
        interface_id(resolve, interface)
    ))
}

/// The resource called `name` in `interface`.
fn resource_named(resolve: &Resolve, interface: InterfaceId, name: &str) -> Option<TypeId> {
    let id = *resolve.interfaces[interface].types.get(name)?;
    let mut id = id;
    // Follow `use` aliases to the resource itself.
    loop {
        match &resolve.types[id].kind {
            TypeDefKind::Resource => return Some(id),
            TypeDefKind::Type(Type::Id(next)) => id = *next,
            _ => return None,
        }
    }
}

/// `[resource-drop]R` as a function taking the handle (`Type::Id` of the resource itself, which
/// the checker reads as an owned handle).
fn resource_drop(resource: &str, id: TypeId) -> Function {
    Function {
        name: format!("[resource-drop]{resource}"),
        kind: FunctionKind::Freestanding,
        params: vec![Param {
            name: "self".to_owned(),
            ty: Type::Id(id),
            span: wit_parser::Span::default(),
        }],
        result: None,
        docs: wit_parser::Docs::default(),
        stability: wit_parser::Stability::Unknown,
        span: wit_parser::Span::default(),
        external_id: None,
    }
}

/// `ns:pkg/iface@version` of an interface, as the WIT has it.
pub(crate) fn interface_id(resolve: &Resolve, interface: InterfaceId) -> String {
    resolve
        .id_of(interface)
        .unwrap_or_else(|| "<anonymous interface>".to_owned())
}
