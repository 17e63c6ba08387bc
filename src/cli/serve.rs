//! `newsline serve`: a site's folder on a loopback port, under the sub-path it was built
//! for, the way a static host serves it. The files are served by tower-http's `ServeDir`,
//! which decodes percent-escapes, refuses `..` and stays inside the folder; this module
//! only maps the sub-path onto it, redirects the sub-path's bare form, and sets caching
//! headers (content-hashed files are immutable, the rest is revalidated).

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response, StatusCode, Uri};
use tower::ServiceExt as _;
use tower_http::services::ServeDir;

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// `/` or `/sub/path/`.
    pub base: String,
    pub host: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    PortInUse(SocketAddr),
    Bind(SocketAddr, std::io::Error),
    Io(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::PortInUse(at) => write!(
                f,
                "port {} on {} is in use by another program: pass --port N for another one, or --port 0 for any free port",
                at.port(),
                at.ip()
            ),
            ServeError::Bind(at, e) => write!(f, "cannot listen on {at}: {e}"),
            ServeError::Io(e) => write!(f, "serving stopped: {e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// Whether a file name carries Trunk's content hash (`name-0123456789abcdef.ext`).
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split(['-', '.', '_'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn redirect(to: &str) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::PERMANENT_REDIRECT;
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

fn not_found() -> Response<Body> {
    let mut response = Response::new(Body::from("not found\n"));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// Answers one request: the part of the path under `base` goes to the folder.
async fn handle(files: ServeDir, base: String, request: Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_string();
    let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    let bare = base.trim_end_matches('/');
    if !bare.is_empty() && (path == bare || path == "/") {
        return redirect(&format!("{base}{query}"));
    }
    let Some(rest) = path.strip_prefix(bare).filter(|rest| rest.starts_with('/')) else {
        return not_found();
    };
    let Ok(uri) = format!("{rest}{query}").parse::<Uri>() else {
        let mut response = Response::new(Body::from("bad request\n"));
        *response.status_mut() = StatusCode::BAD_REQUEST;
        return response;
    };
    let (mut parts, body) = request.into_parts();
    parts.uri = uri;
    let hashed = is_hashed(rest);
    match files.oneshot(Request::from_parts(parts, body)).await {
        Ok(response) => {
            let mut response = response.map(Body::new);
            let cache = if hashed && response.status().is_success() {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            response
        }
        Err(never) => match never {},
    }
}

/// A bound server, not yet serving: its address is known, so that a caller can print
/// it (or open a browser on it) before [`Server::run`] blocks.
pub struct Server {
    listener: tokio::net::TcpListener,
    runtime: tokio::runtime::Runtime,
    options: Options,
}

impl Server {
    /// Binds the port.
    ///
    /// # Errors
    /// [`ServeError::PortInUse`] when another program holds the port, naming it.
    pub fn bind(options: Options) -> Result<Server, ServeError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(ServeError::Io)?;
        let at = SocketAddr::new(options.host, options.port);
        let listener =
            runtime.block_on(tokio::net::TcpListener::bind(at)).map_err(|e| match e.kind() {
                std::io::ErrorKind::AddrInUse => ServeError::PortInUse(at),
                _ => ServeError::Bind(at, e),
            })?;
        Ok(Server { listener, runtime, options })
    }

    /// The page's address: `http://127.0.0.1:8080/newsline/`.
    pub fn url(&self) -> String {
        let at = self
            .listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::new(self.options.host, self.options.port));
        format!("http://{at}{}", self.options.base)
    }

    /// Serves until Ctrl-C or SIGTERM.
    ///
    /// # Errors
    /// When accepting connections fails for good.
    pub fn run(self) -> Result<(), ServeError> {
        let Server { listener, runtime, options } = self;
        let files = ServeDir::new(&options.root).append_index_html_on_directories(true);
        let base = options.base.clone();
        let app = axum::Router::new()
            .fallback(move |request: Request<Body>| handle(files.clone(), base.clone(), request));
        runtime.block_on(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(stopped())
                .await
                .map_err(ServeError::Io)
        })
    }
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// Whether `dir` is a folder a static host could serve: it has an `index.html`.
pub fn is_servable(dir: &Path) -> bool {
    dir.join("index.html").is_file()
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_hashes_are_recognised() {
        assert!(is_hashed("/newsline-web-b6d0fd5f95a0a658_bg.wasm"));
        assert!(is_hashed("style-e1377c3da6d24651.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/data/story.bin"));
    }
}
