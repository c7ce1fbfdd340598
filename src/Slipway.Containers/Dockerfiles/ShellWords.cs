using System.Text;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// The Dockerfile's own word lexer (not a shell): splits on blanks, removes quotes, honours the escape character
/// (outside single quotes) and expands <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${NAME-word}</c>,
/// <c>${NAME:+word}</c>, <c>${NAME+word}</c> and <c>${NAME:?message}</c> from the lookup (null: unset).
/// Single quotes keep <c>$</c> literal.
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string text, char escape, Func<string, string?> lookup) =>
        Lex(text, escape, lookup, split: true);

    /// <summary>One word with quotes removed and variables expanded; blanks are kept.</summary>
    public static string Expand(string text, char escape, Func<string, string?> lookup) =>
        string.Concat(Lex(text, escape, lookup, split: false));

    private static List<string> Lex(string text, char escape, Func<string, string?> lookup, bool split)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'')
                    quote = '\0';
                else
                    word.Append(c);
                continue;
            }
            if (c == escape && i + 1 < text.Length)
            {
                var next = text[++i];
                // inside double quotes the escape only escapes what is special there
                if (quote == '"' && next is not ('"' or '$') && next != escape)
                    word.Append(c);
                word.Append(next);
                inWord = true;
                continue;
            }
            if (c == '$')
            {
                word.Append(Variable(text, ref i, escape, lookup));
                inWord = true;
                continue;
            }
            if (quote == '"')
            {
                if (c == '"')
                    quote = '\0';
                else
                    word.Append(c);
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
                continue;
            }
            if (split && char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord || !split)
            words.Add(word.ToString());
        return words;
    }

    /// <summary>Expands the variable starting at <paramref name="i"/> (the <c>$</c>), leaving <paramref name="i"/> on its last character.</summary>
    private static string Variable(string text, ref int i, char escape, Func<string, string?> lookup)
    {
        if (i + 1 >= text.Length)
            return "$";
        if (text[i + 1] != '{')
        {
            var start = i + 1;
            var end = start;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                end++;
            if (end == start)
                return "$";
            i = end - 1;
            return lookup(text[start..end]) ?? "";
        }
        var close = MatchingBrace(text, i + 1);
        if (close < 0)
        {
            i = text.Length - 1;
            return "";
        }
        var inner = text[(i + 2)..close];
        i = close;
        var nameEnd = 0;
        while (nameEnd < inner.Length && (char.IsAsciiLetterOrDigit(inner[nameEnd]) || inner[nameEnd] == '_'))
            nameEnd++;
        var name = inner[..nameEnd];
        var value = lookup(name);
        var modifier = inner[nameEnd..];
        if (modifier.Length == 0)
            return value ?? "";
        var colon = modifier.StartsWith(':');
        var operation = colon ? modifier[1..] : modifier;
        if (operation.Length == 0)
            return value ?? "";
        var argument = operation[1..];
        var set = colon ? !string.IsNullOrEmpty(value) : value is not null;
        return operation[0] switch
        {
            '-' => set ? value! : Expand(argument, escape, lookup),
            '+' => set ? Expand(argument, escape, lookup) : "",
            '?' => set ? value! : throw new SlipwayException($"variable {name} is required: {Expand(argument, escape, lookup)}"),
            _ => value ?? "", // ${NAME#pattern} and friends: the value unchanged is close enough for paths
        };
    }

    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
                depth++;
            else if (text[i] == '}' && --depth == 0)
                return i;
        }
        return -1;
    }
}
