namespace Slipway.Tool.Cli;

/// <summary>What <c>slipway --help</c> prints.</summary>
internal static class ToolHelp
{
    public static string Text(string version) => $"""
        slipway {version}: adopt Slipway in a repository

        Usage: slipway setup [options]     (run in the git repository; nuke-style :setup works too)

        Writes build/_build.csproj (Slipway {version}), build/Build.cs, build.sh, build.cmd, build.ps1, global.json (when
        absent), .nuke/parameters.json (what the Dockerfiles and the Compose file do not say), .nuke/build.schema.json,
        .gitignore entries and a .dockerignore (when absent).
        Run again in a repository it set up: moves the build to this version and rewrites the bootstrap scripts; the
        build class and parameters stay as they are.

        Options:
          --builder-dockerfile <path>   the Dockerfile of the builder image (when detection finds several)
          --app-dockerfile <path>       the Dockerfile of the app image
          --service <name>              the Compose service that is the app (when the Compose file builds several)
          --image-name <name>           the app image's name (default: ghcr.io/<owner>/<repo> from a GitHub remote, else the folder)
          --force                       replace an existing build, build class and parameters included
          --version                     the tool's version
        """;
}
