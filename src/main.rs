use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = dossier::cli::Cli::parse();
    dossier::cli::run(cli)
}
