using System.Diagnostics;
using System.Security.Cryptography;
using Slipway.Server;
using Slipway.Tests.Ci;

namespace Slipway.Tests.Bootstrap;

/// <summary>build.sh's HMAC-SHA256 (made of sha256sum) against the build server's proof, with the keys
/// whose padded bytes are NUL (0x36 and 0x5c), the shortest and a random one.</summary>
public sealed class ServerProofTests
{
    [Theory]
    [InlineData("3636363636363636363636363636363636363636363636363636363636363636")]
    [InlineData("5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c")]
    [InlineData("00")]
    [InlineData("random")]
    public void Build_sh_computes_the_proof_the_server_gives(string key)
    {
        if (key == "random")
            key = RandomNumberGenerator.GetHexString(64, lowercase: true);
        var challenge = RandomNumberGenerator.GetHexString(64, lowercase: true);
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "build.sh"));
        var function = script[script.IndexOf("hmac_sha256() {", StringComparison.Ordinal)..];
        function = function[..(function.IndexOf("\n}\n", StringComparison.Ordinal) + 3)];

        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", function + "hmac_sha256 \"$1\" \"$2\"", "hmac", key, challenge])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var proof = bash.StandardOutput.ReadToEnd().Trim();
        bash.WaitForExit();

        Assert.Equal(new BuildServerFile(0, "", key, 0).Prove(challenge), proof);
    }
}
