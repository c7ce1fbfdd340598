namespace Slipway.Containers.Registry;

/// <summary>A user name and a password or token. Its text form never shows the password.</summary>
public sealed class RegistryCredentials
{
    public RegistryCredentials(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        Username = username;
        Password = password;
    }

    public string Username { get; }

    public string Password { get; }

    internal string BasicHeaderValue =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    public override string ToString() => $"{Username}:***";
}
