"""python -m translit.web [--host 127.0.0.1] [--port 8000]"""

import sys

from . import main

sys.exit(main())
