using System.Diagnostics;
using System.Runtime.Versioning;
using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;
using Slipway.Paths;
using Slipway.Targets.Incremental;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>
/// Figures for the note, run with <c>SLIPWAY_MEASURE=1</c>: a seed-002-shaped service with 43 MB of .NET build outputs
/// and Slipway state and no .dockerignore. "Whole context" is what BuildAppImage hashed and sent before (every file
/// plus the tar digest; the outputs placed where the never-sent rule does not catch them, so they cost what they cost
/// before); "what the Dockerfiles read" is the builder's and the app's selections, hashed, and the app's tar digest.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ContextHashingMeasurement(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Measure_context_walk_and_hashing_before_and_after()
    {
        if (Environment.GetEnvironmentVariable("SLIPWAY_MEASURE") != "1")
            return;
        var random = new Random(9);
        void Bytes(string path, int size)
        {
            var data = new byte[size];
            random.NextBytes(data);
            Directory.CreateDirectory((_folder.Path / path).Parent);
            File.WriteAllBytes(_folder.Path / path, data);
        }
        var root = _folder.Path;
        _folder.Write("Dockerfile", RealDockerfiles.Seed002App);
        _folder.Write("docker/dockerfile.dev", RealDockerfiles.Seed002Builder);
        _folder.Write("requirements.txt", "pyaudio==0.2.14\nfastapi==0.110\n");
        Bytes("vendor/PyAudio-0.2.14.tar.gz", 48_000);
        _folder.Write("main.py", "print()\n");
        foreach (var folder in new[] { "bailing", "config", "plugins", "server" })
            for (var i = 0; i < 25; i++)
                Bytes($"{folder}/m{i:00}.py", 4_000);
        _folder.Write("build/_build.csproj", "<Project />");
        long outputs = 0;
        foreach (var (prefix, count, size) in new[] { ("bin/Debug/net10.0", 120, 250_000), ("obj/Debug/net10.0", 200, 65_000) })
            for (var i = 0; i < count; i++)
            {
                Bytes($"build/{prefix}/f{i:000}.dll", size);
                Bytes($"before/{prefix}/f{i:000}.dll", size);
                outputs += size;
            }
        Bytes(".nuke/temp/build.log", 200_000);
        Bytes("before/temp/build.log", 200_000);
        outputs += 200_000;

        (TimeSpan Time, long Bytes, int Files) Before()
        {
            // the old path sees the outputs; here they sit in before/ (and build/, .nuke/temp are left out by the new rule)
            var clock = Stopwatch.StartNew();
            var context = new BuildContext(root, root / "Dockerfile");
            var inputs = new InputSetBuilder(root);
            var files = context.Entries().Where(name => !name.EndsWith('/')).ToArray();
            foreach (var name in files)
                inputs.File(root / name);
            inputs.Value("context", context.Digest());
            new InputSetBuilder(root).File(root / "docker/dockerfile.dev").Files("requirements*.txt").Files("uv.lock", "vendor/**").Build();
            var time = clock.Elapsed;
            var counter = new CountingStream();
            context.WriteTo(counter);
            return (time, counter.Length, files.Length);
        }

        (TimeSpan Time, long Bytes, int Files) After()
        {
            var clock = Stopwatch.StartNew();
            var ignore = new BuildContext(root, root / "Dockerfile").Ignore;
            var builderReads = Dockerfile.Read(root / "docker/dockerfile.dev").ReadsFromContext("builder");
            var builderFiles = ContextSelection.Select(root, ignore, builderReads.Reads);
            builderFiles.Digests().Items.Count.ToString();
            var appReads = Dockerfile.Read(root / "Dockerfile").ReadsFromContext();
            var appFiles = ContextSelection.Select(root, ignore, appReads.Reads);
            var context = new BuildContext(root, root / "Dockerfile", appFiles.Paths);
            new InputSetBuilder(root).Include(appFiles.Digests()).Value("context", context.Digest()).Build();
            var time = clock.Elapsed;
            var counter = new CountingStream();
            context.WriteTo(counter);
            return (time, counter.Length, appFiles.Files.Count + builderFiles.Files.Count);
        }

        Before();
        After();
        var before = Enumerable.Range(0, 5).Select(_ => Before()).OrderBy(run => run.Time).ToArray()[2];
        var after = Enumerable.Range(0, 5).Select(_ => After()).OrderBy(run => run.Time).ToArray()[2];
        output.WriteLine($"outputs and state: {outputs / 1e6:0.0} MB");
        output.WriteLine($"before (whole context): {before.Time.TotalMilliseconds:0} ms, {before.Files} files hashed, app context tar {before.Bytes / 1e6:0.00} MB");
        output.WriteLine($"after (what the Dockerfiles read): {after.Time.TotalMilliseconds:0} ms, {after.Files} files hashed, app context tar {after.Bytes / 1e6:0.00} MB");
        Assert.True(after.Time < before.Time);
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
