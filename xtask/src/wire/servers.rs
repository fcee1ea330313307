//! The servers the harness talks to: started on 127.0.0.1 at a free port, waited for (a
//! bounded number of tries), and stopped when dropped, whatever happened in between.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a server may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(90);

pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// The AutoRest test server of the npm package at `package`, held to 127.0.0.1 by a
    /// preload script of ours (it has no option for the address).
    pub fn autorest(package: &Path, root: &Path) -> Result<Server, String> {
        let port = free_port()?;
        let cli = package.join("dist/cli/cli.js");
        let mut command = Command::new("node");
        command
            .arg("--require")
            .arg(root.join(".ci/bind-localhost.js"))
            .arg(&cli)
            .args(["run", "--port", &port.to_string()])
            .arg("--coverageDirectory")
            .arg(root.join("target/wire/autorest-coverage"));
        Server::start(command, port, "/")
    }

    /// Prism's mock of `spec`, validating requests (`--errors`).
    pub fn prism(prism: &str, spec: &Path) -> Result<Server, String> {
        let port = free_port()?;
        let mut command = Command::new(prism);
        command
            .args([
                "mock",
                "--errors",
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .arg(spec);
        Server::start(command, port, "/")
    }

    fn start(mut command: Command, port: u16, _probe: &str) -> Result<Server, String> {
        let log = std::env::temp_dir().join(format!("wire-server-{port}.log"));
        let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = command
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start {command:?}: {e}"))?;
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let mut server = server;
        let started = Instant::now();
        while started.elapsed() < START_TIMEOUT {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                let output = std::fs::read_to_string(&log).unwrap_or_default();
                return Err(format!(
                    "the server stopped ({status}) before it listened:\n{output}"
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let output = std::fs::read_to_string(&log).unwrap_or_default();
        Err(format!(
            "the server did not listen on port {port} within {START_TIMEOUT:?}:\n{output}"
        ))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}
