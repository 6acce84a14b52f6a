from jobbvinner_cli.cli import main

main()
