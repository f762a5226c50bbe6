const _: () = {
    const fn field<T: ::wasm_function::__private::WasmWritable>() {}
    field::<Filetype>();
    field::<Fdflags>();
    field::<Rights>();
    field::<Rights>();
    ::core::assert!(
        ::core::mem::size_of:: < Fdstat > () == 24,
        "`Fdstat` is not 24 bytes, as `#[wasm_type(size = 24)]` says"
    );
    ::core::assert!(
        ::core::mem::align_of:: < Fdstat > () == 8,
        "`Fdstat` is not aligned to 8, as `#[wasm_type(align = 8)]` says"
    );
    ::core::assert!(
        ::core::mem::offset_of!(Fdstat, fs_filetype) == 0,
        "the offset of `Fdstat.fs_filetype` is not 0, as its `#[wasm_type(offset = 0)]` says"
    );
    ::core::assert!(
        ::core::mem::offset_of!(Fdstat, fs_flags) == 2,
        "the offset of `Fdstat.fs_flags` is not 2, as its `#[wasm_type(offset = 2)]` says"
    );
    ::core::assert!(
        ::core::mem::offset_of!(Fdstat, fs_rights_base) == 8,
        "the offset of `Fdstat.fs_rights_base` is not 8, as its `#[wasm_type(offset = 8)]` says"
    );
    ::core::assert!(
        ::core::mem::offset_of!(Fdstat, fs_rights_inheriting) == 16,
        "the offset of `Fdstat.fs_rights_inheriting` is not 16, as its `#[wasm_type(offset = 16)]` says"
    );
};
unsafe impl ::wasm_function::__private::WasmLayout for Fdstat {}
unsafe impl ::wasm_function::__private::WasmWritable for Fdstat {}
