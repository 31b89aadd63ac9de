//! Thin entry point: mounts the app. All the work is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    isumi_check::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("isumi-check is the web app: build it with `trunk build` (see README). For the command-line tool run `cargo run --bin isumi-rules`.");
    std::process::exit(2);
}
