namespace Slipway.Containers.Components;

public enum ImageRole
{
    Builder,
    App,
}
