namespace Grains.Runtime;

internal enum RuntimeStatus
{
    Running,
    Stopping,
    Stopped,
}
