using SingleView.Cli;

// The host is thin on purpose: it parses the command line and hands over to the stages.
return await CommandLine.RunAsync(args, TimeProvider.System);
