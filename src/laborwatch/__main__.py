from laborwatch.cli import main

main()
