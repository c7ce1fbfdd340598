namespace Slipway.Containers.Components;

/// <summary>The app image's repository and the builder's, <c>&lt;app&gt;-builder</c>.</summary>
public sealed record ImageNames(string App)
{
    public string Builder => App + "-builder";
}
