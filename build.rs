//! Lists the files of the default theme, which the binary carries, so that a template or
//! static file added to `themes/default/` is compiled in without a second list to edit.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

fn main() -> io::Result<()> {
    let theme = Path::new("themes/default");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(theme, &mut files)?;
    files.sort();
    let mut list = String::from("&[\n");
    for file in &files {
        let inside = file
            .strip_prefix(theme)
            .map_err(io::Error::other)?
            .to_string_lossy()
            .replace('\\', "/");
        // Relative to the crate, not this checkout: the list is the same wherever it is built.
        list.push_str(&format!(
            "    ({inside:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/themes/default/{inside}\"))),\n"
        ));
    }
    list.push(']');
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").ok_or_else(|| io::Error::other("no OUT_DIR"))?);
    fs::write(out.join("default_theme.rs"), list)
}

/// Every file under `dir`, folders watched for new files too.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}
