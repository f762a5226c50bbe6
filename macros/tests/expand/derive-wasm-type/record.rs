#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 24, align = 8, writable)]
pub struct Fdstat {
    #[wasm_type(offset = 0)]
    pub fs_filetype: Filetype,
    #[wasm_type(offset = 2)]
    pub fs_flags: Fdflags,
    #[wasm_type(offset = 8)]
    pub fs_rights_base: Rights,
    #[wasm_type(offset = 16)]
    pub fs_rights_inheriting: Rights,
}
