from .cli_quick import main

main()
