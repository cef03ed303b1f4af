//! The `csm-sim` binary: hands the command line to [`csm_sim::cli`].

fn main() -> std::process::ExitCode {
    csm_sim::cli::main()
}
