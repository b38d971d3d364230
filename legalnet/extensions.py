"""Bare extension instances, bound to the app in create_app."""

from flask_babel import Babel
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

from legalnet.core.models import Base
from legalnet.core.pagination import Database

db = Database(model_class=Base)
migrate = Migrate(compare_type=True, render_as_batch=True)
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)
babel = Babel()
# Shared cache of computed figures (staff reports): SimpleCache by default, Redis in production.
cache = Cache()
