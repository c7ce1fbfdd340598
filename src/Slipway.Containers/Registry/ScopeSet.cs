namespace Slipway.Containers.Registry;

/// <summary>
/// Token scopes such as <c>repository:acme/voice:pull,push</c>, merged per resource, so that a token obtained
/// for push can serve later pulls of the same repository.
/// </summary>
internal sealed class ScopeSet
{
    public static readonly ScopeSet None = new(new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal));

    private readonly SortedDictionary<string, SortedSet<string>> actions;

    private ScopeSet(SortedDictionary<string, SortedSet<string>> actions) => this.actions = actions;

    public bool IsEmpty => actions.Count == 0;

    public static ScopeSet For(string repository, RepositoryAccess access) =>
        Parse([$"repository:{repository}:{(access == RepositoryAccess.Push ? "pull,push" : "pull")}"]);

    public static ScopeSet Parse(IEnumerable<string> scopes)
    {
        var result = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var scope in scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var lastColon = scope.LastIndexOf(':');
            if (lastColon <= 0)
                continue;
            var resource = scope[..lastColon];
            if (!result.TryGetValue(resource, out var set))
                result[resource] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.UnionWith(scope[(lastColon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
        }
        return new ScopeSet(result);
    }

    public ScopeSet Union(ScopeSet other) => Parse(ToScopes().Concat(other.ToScopes()));

    public bool Covers(ScopeSet other) =>
        other.actions.All(pair => actions.TryGetValue(pair.Key, out var mine)
            && (mine.Contains("*") || mine.IsSupersetOf(pair.Value)));

    public IEnumerable<string> ToScopes() => actions.Select(pair => $"{pair.Key}:{string.Join(',', pair.Value)}");

    public override string ToString() => string.Join(' ', ToScopes());
}
