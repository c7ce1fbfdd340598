namespace Slipway.Containers.Registry;

/// <summary>Where an upload session stands: the location to send the next request to and the bytes it holds.</summary>
internal sealed class UploadCursor(Uri location)
{
    public Uri Location { get; set; } = location;

    public long Offset { get; set; }

    /// <summary>The end of a <c>Range: 0-&lt;last&gt;</c> header as a byte count; null when absent or the ambiguous <c>0-0</c>.</summary>
    public static long? RangeEnd(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Range", out var values))
            return null;
        var text = values.FirstOrDefault()?.Replace("bytes=", "", StringComparison.Ordinal) ?? "";
        var dash = text.IndexOf('-');
        return dash > 0 && long.TryParse(text[(dash + 1)..], out var last) && last > 0 ? last + 1 : null;
    }
}
