using System.Net;
using System.Net.Sockets;

namespace Slipway.Containers.Tests.Compose;

/// <summary>Seed 000's layout: docker-compose.yml with <c>backend</c> built from backend/Dockerfile (the builder a
/// stage of it), beside postgres and redis (the stand-ins provision/service-images.sh builds). The backend answers
/// HTTP on a port published on 127.0.0.1; /health opens a connection to postgres and asks redis for PONG.</summary>
internal static class Seed000Compose
{
    public static readonly string[] Parameters =
        ["--builder-dockerfile", "backend/Dockerfile", "--app-dockerfile", "backend/Dockerfile", "--build-context", "backend"];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string App(string greeting) => $$"""
        import json, socket
        from http.server import BaseHTTPRequestHandler, HTTPServer

        def redis_ping():
            with socket.create_connection(("redis", 6379), timeout=3) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).decode().strip().lstrip("+")

        def postgres_reachable():
            with socket.create_connection(("postgres", 5432), timeout=3):
                return "reachable"

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/health":
                    body = json.dumps({"postgres": postgres_reachable(), "redis": redis_ping()})
                else:
                    body = "{{greeting}}"
                self.send_response(200)
                self.end_headers()
                self.wfile.write(body.encode())

        HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()

        """;

    public static Dictionary<string, string> Files(int port) => new()
    {
        ["docker-compose.yml"] = $"""
            services:
              backend:
                build:
                  context: backend
                  dockerfile: Dockerfile
                ports:
                  - "127.0.0.1:{port}:8000"
                depends_on: [postgres, redis]
              postgres:
                image: postgres:15-bookworm
                environment:
                  POSTGRES_PASSWORD: example
              redis:
                image: redis:7-bookworm

            """,
        ["backend/Dockerfile"] = """
            ARG BUILDER_BASE=python:3.11-bookworm
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_BASE} AS builder
            RUN python3 -m venv /opt/venv
            FROM ${RUNTIME_IMAGE}
            COPY --from=builder /opt/venv /opt/venv
            WORKDIR /app
            COPY app.py ./
            CMD ["python3", "-u", "app.py"]
            """,
        ["backend/app.py"] = App("hello from v1"),
    };
}
