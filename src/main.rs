fn main() {
    cyberscreen::web::mount::start();
}
