from tuyengiao_crawler.cli import main

main()
