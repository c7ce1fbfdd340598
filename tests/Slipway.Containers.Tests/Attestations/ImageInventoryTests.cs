using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Tests.Attestations;

public sealed class ImageInventoryTests
{
    private static async Task<ImageInventory> ReadAsync(params IReadOnlyDictionary<string, string?>[] layers) =>
        await ImageInventory.ReadAsync(new MemoryStream(LayeredArchive.Create("arm64", layers, gzip: true)));

    [Fact]
    public async Task Lists_the_venv_distributions_and_installed_debian_packages_of_every_layer()
    {
        var inventory = await ReadAsync(
            new Dictionary<string, string?>
            {
                ["var/lib/dpkg/status"] = Samples.DpkgEntry("libc6", "2.36-9+deb12u4") + Samples.DpkgEntry("old-tool", "1.0", status: "deinstall ok config-files"),
            },
            new Dictionary<string, string?>
            {
                [$"{Samples.Venv}/Voice_Native-0.1.0.dist-info/METADATA"] = Samples.Metadata("Voice_Native", "0.1.0", "License-Expression: MIT OR Apache-2.0\n"),
                [$"{Samples.Venv}/wheel-0.38.4.dist-info/METADATA"] = Samples.Metadata("wheel", "0.38.4", "Classifier: License :: OSI Approved :: MIT License\n"),
                ["usr/lib/python3/dist-packages/system-1.0.dist-info/METADATA"] = Samples.Metadata("system", "1.0"),
                ["var/lib/dpkg/status.d/libportaudio2"] = Samples.DpkgEntry("libportaudio2", "19.6.0-1.2", "arm64").Replace("Status: install ok installed\n", ""),
                ["var/lib/dpkg/status.d/libportaudio2.md5sums"] = "0123 usr/lib/libportaudio.so.2\n",
            });

        Assert.Equal(new Platform("linux", "arm64"), inventory.Platform);
        Assert.Equal(["pkg:pypi/voice-native@0.1.0", "pkg:pypi/wheel@0.38.4"], inventory.Distributions.Select(d => d.Purl));
        Assert.Equal("MIT OR Apache-2.0", inventory.Distributions[0].License!.Expression);
        Assert.Equal("MIT", inventory.Distributions[1].License!.SpdxId);
        Assert.Equal(["pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64", "pkg:deb/debian/libportaudio2@19.6.0-1.2?arch=arm64"],
            inventory.Packages.Select(p => p.Purl));
    }

    [Fact]
    public async Task A_file_deleted_by_a_whiteout_in_a_later_layer_is_not_listed()
    {
        var inventory = await ReadAsync(
            new Dictionary<string, string?>
            {
                [$"{Samples.Venv}/gone-1.0.dist-info/METADATA"] = Samples.Metadata("gone", "1.0"),
                [$"{Samples.Venv}/kept-2.0.dist-info/METADATA"] = Samples.Metadata("kept", "2.0"),
                ["opt/old/lib/python3.11/site-packages/x-1.dist-info/METADATA"] = Samples.Metadata("x", "1"),
                ["var/lib/dpkg/status"] = Samples.DpkgEntry("libc6", "2.36"),
            },
            new Dictionary<string, string?>
            {
                [$"{Samples.Venv}/.wh.gone-1.0.dist-info"] = null,
                ["var/lib/dpkg/.wh.status"] = null,
            },
            new Dictionary<string, string?>
            {
                [$"{Samples.Venv}/.wh..wh..opq"] = null,
                [$"{Samples.Venv}/kept-2.1.dist-info/METADATA"] = Samples.Metadata("kept", "2.1"),
            });

        Assert.Equal(["pkg:pypi/kept@2.1"], inventory.Distributions.Select(d => d.Purl));
        Assert.Empty(inventory.Packages);
    }

    [Fact]
    public async Task A_later_layer_replaces_a_file_of_an_earlier_one()
    {
        var inventory = await ReadAsync(
            new Dictionary<string, string?> { ["var/lib/dpkg/status"] = Samples.DpkgEntry("libc6", "2.36-9") + Samples.DpkgEntry("curl", "7.88") },
            new Dictionary<string, string?> { ["./var/lib/dpkg/status"] = Samples.DpkgEntry("libc6", "2.36-9+deb12u4") });

        Assert.Equal(["pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64"], inventory.Packages.Select(p => p.Purl));
    }

    [Theory]
    [InlineData("License: mit\n", "MIT", null, null)]
    [InlineData("License: Apache 2.0\n", null, null, "Apache 2.0")]
    [InlineData("License: UNKNOWN\nClassifier: License :: OSI Approved :: BSD License\n", null, null, "BSD License")]
    [InlineData("Classifier: License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)\n", "MPL-2.0", null, null)]
    [InlineData("License-Expression: BSD-3-Clause\nLicense: BSD\n", null, "BSD-3-Clause", null)]
    public async Task Reads_the_licence_from_the_expression_the_licence_field_or_the_classifiers(string lines, string? id, string? expression, string? name)
    {
        var inventory = await ReadAsync(new Dictionary<string, string?>
        {
            [$"{Samples.Venv}/p-1.dist-info/METADATA"] = Samples.Metadata("p", "1", lines),
        });

        var license = Assert.Single(inventory.Distributions).License!;
        Assert.Equal(id, license.SpdxId);
        Assert.Equal(expression, license.Expression);
        Assert.Equal(name, license.Names.SingleOrDefault());
    }
}
