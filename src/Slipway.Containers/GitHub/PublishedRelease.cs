namespace Slipway.Containers.GitHub;

/// <summary>The GitHub release a publish created or updated, its page, and what was done.</summary>
public sealed record PublishedRelease(long Id, string HtmlUrl, ReleaseOutcome Outcome);
