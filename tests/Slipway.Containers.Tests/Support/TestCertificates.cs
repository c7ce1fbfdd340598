using System.Diagnostics;

namespace Slipway.Containers.Tests.Support;

/// <summary>Certificates for an engine with mutual TLS, made by openssl: a CA, the engine's certificate for 127.0.0.1
/// (subjectAltName IP:127.0.0.1), and client folders as DOCKER_CERT_PATH wants them (ca.pem, cert.pem, key.pem):
/// a good one, one that trusts another CA, and one whose client certificate another CA signed.</summary>
public sealed class TestCertificates
{
    private readonly string _root;

    private TestCertificates(string root) => _root = root;

    public string ServerFolder => Path.Combine(_root, "server");

    /// <summary>ca.pem, cert.pem and key.pem the engine accepts.</summary>
    public string Client => Path.Combine(_root, "client");

    /// <summary>The good client certificate, but a ca.pem that did not sign the engine's certificate.</summary>
    public string WrongCa => Path.Combine(_root, "wrong-ca");

    /// <summary>The right ca.pem, but a client certificate the engine's CA did not sign.</summary>
    public string RejectedClient => Path.Combine(_root, "rejected-client");

    public static TestCertificates Create(string root)
    {
        var certificates = new TestCertificates(root);
        foreach (var folder in new[] { "authority", "other", certificates.ServerFolder, certificates.Client, certificates.WrongCa, certificates.RejectedClient })
            Directory.CreateDirectory(Path.Combine(root, folder));
        var ca = Authority(Path.Combine(root, "authority"), "slipway-test-ca");
        var other = Authority(Path.Combine(root, "other"), "slipway-other-ca");
        Sign(ca, certificates.ServerFolder, "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Sign(ca, certificates.Client, "slipway-client", "extendedKeyUsage=clientAuth\n");
        Sign(other, certificates.RejectedClient, "slipway-client", "extendedKeyUsage=clientAuth\n");
        File.Copy(ca.Certificate, Path.Combine(certificates.ServerFolder, "ca.pem"));
        File.Copy(ca.Certificate, Path.Combine(certificates.Client, "ca.pem"));
        File.Copy(ca.Certificate, Path.Combine(certificates.RejectedClient, "ca.pem"));
        File.Copy(other.Certificate, Path.Combine(certificates.WrongCa, "ca.pem"));
        foreach (var file in new[] { "cert.pem", "key.pem" })
            File.Copy(Path.Combine(certificates.Client, file), Path.Combine(certificates.WrongCa, file));
        return certificates;
    }

    private sealed record Ca(string Certificate, string Key);

    private static Ca Authority(string folder, string name)
    {
        var ca = new Ca(Path.Combine(folder, "ca.pem"), Path.Combine(folder, "ca-key.pem"));
        OpenSsl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name, "-keyout", ca.Key, "-out", ca.Certificate);
        return ca;
    }

    /// <summary>key.pem and cert.pem in <paramref name="folder"/>, signed by <paramref name="ca"/> with <paramref name="extensions"/>.</summary>
    private static void Sign(Ca ca, string folder, string name, string extensions)
    {
        string File(string file) => Path.Combine(folder, file);
        System.IO.File.WriteAllText(File("extensions.cnf"), extensions);
        OpenSsl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout", File("key.pem"), "-out", File("request.csr"));
        OpenSsl("x509", "-req", "-in", File("request.csr"), "-CA", ca.Certificate, "-CAkey", ca.Key, "-CAcreateserial",
            "-days", "2", "-extfile", File("extensions.cnf"), "-out", File("cert.pem"));
    }

    private static void OpenSsl(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
    }
}
