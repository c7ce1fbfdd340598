using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazImageName : ISlipwayBuild
{
    [Parameter("Image name of the app, lower case (the builder is <name>-builder)")]
    string ImageName => ParameterValue(nameof(ImageName), "slipway/voice");
}
