namespace Slipway.Containers.Provisioning;

/// <summary>How Slipway can run the commands that install or register something.</summary>
internal enum RootAccess
{
    /// <summary>Not root and no passwordless sudo: Slipway names the command to run instead.</summary>
    None,

    /// <summary>Slipway runs as root.</summary>
    Root,

    /// <summary>Slipway runs as a user for whom <c>sudo -n</c> works.</summary>
    PasswordlessSudo,
}
