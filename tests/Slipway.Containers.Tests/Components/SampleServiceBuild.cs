using Slipway.Containers.Components;

namespace Slipway.Containers.Tests.Components;

/// <summary>The build a user of Slipway writes for the sample service: the components, nothing else.</summary>
public sealed class SampleServiceBuild : SlipwayBuild, IVerifyArch, IPush, ITestApp, IGitHubHousekeeping;
