use clap::Parser;
use std::process::ExitCode;

// A build allocates many small strings from several threads at once; mimalloc keeps that fast
// and returns memory that glibc's per-thread arenas would hold on to.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = dossier::cli::Cli::parse();
    dossier::cli::run(cli)
}
