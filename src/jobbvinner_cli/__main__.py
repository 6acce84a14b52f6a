from jobbvinner_cli.launch import main

main()
